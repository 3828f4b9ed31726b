// The "Your predictions" page's Web Worker: parse, validate and evaluate a dropped predictions file off the main
// thread, so a 20k-patient file leaves the page responsive. Bundled into one module by src/data/predictions-worker.js.ts
// and started by workerClient.ts. Nothing is sent anywhere: the file arrives by postMessage and the result goes back.
import {evaluateUpload} from "./evaluateUpload.js";
import type {FromWorker, ToWorker} from "./workerMessages.js";

/** The worker's global scope, narrowed to what is used here (the DOM lib types `self` as a Window). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
};

async function sha256(text: string): Promise<string | null> {
  // crypto.subtle exists only in secure contexts (https, localhost, file:); the hash is then left out, not guessed.
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

scope.onmessage = async (event) => {
  try {
    const hash = await sha256(event.data.text);
    const result = evaluateUpload(event.data, (stage, done, total) =>
      scope.postMessage({type: "progress", stage, done, total}),
    );
    scope.postMessage({type: "result", result, sha256: hash});
  } catch (error) {
    scope.postMessage({type: "error", message: error instanceof Error ? error.message : String(error)});
  }
};
