import type {UploadRequest, UploadResult} from "./evaluateUpload.js";

/** The messages between the "Your predictions" page and its worker (predictionsWorker.ts), typed once for both. */
export type ToWorker = UploadRequest;
export type FromWorker =
  | {type: "progress"; stage: string; done: number; total: number}
  | {type: "result"; result: UploadResult; sha256: string | null}
  | {type: "error"; message: string};
