import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

/**
 * Every folder the project writes, defined once. Commands take a root (tests pass a temporary one); the defaults
 * are under the repository, whatever the working directory of the data loader or command.
 *
 *   .cache/artifacts     the pipeline's content-addressed stage outputs (loaders/cache/artifactCache.ts)
 *   .cache/embeddings    backbone embeddings per patch, variant, weights and engine (loaders/features/embeddingCache.ts)
 *   .cache/pseudonym-salt  the salt of pseudonymous patient ids, mode 0600 (loaders/site/pseudonym.ts)
 *   models/weights/      downloaded ImageNet weights (git-ignored); the ResNet50 in models/weights/resnet50
 *   models/runs/<id>/    trained runs (git-ignored; loaders/runs/runStore.ts)
 *   dist/                the built site
 */
export const repoRoot = fileURLToPath(new URL("../", import.meta.url));

export interface ProjectPaths {
  root: string;
  cache: string;
  artifacts: string;
  embeddings: string;
  pseudonymSalt: string;
  weights: string;
  resnet50Weights: string;
  runs: string;
  dist: string;
}

export function projectPaths(root: string = repoRoot): ProjectPaths {
  const cache = join(root, ".cache");
  const weights = join(root, "models", "weights");
  return {
    root,
    cache,
    artifacts: join(cache, "artifacts"),
    embeddings: embeddingsBeside(join(cache, "artifacts")),
    pseudonymSalt: join(cache, "pseudonym-salt"),
    weights,
    resnet50Weights: join(weights, "resnet50"),
    runs: join(root, "models", "runs"),
    dist: join(root, "dist"),
  };
}

/** The repository's own folders. */
export const paths: ProjectPaths = projectPaths();

/**
 * The embeddings cache that goes with an artifact cache: its sibling `embeddings` folder, so a custom artifact
 * folder (`--cache`, WORKBENCH_CACHE) keeps its embeddings beside it.
 */
export function embeddingsBeside(artifactsDir: string): string {
  return join(dirname(artifactsDir), "embeddings");
}
