/** Where a report built from a predictions file finds the readers' and survival files (workbench report). */
export const ReadersEnvVar = "WORKBENCH_READERS";
export const SurvivalEnvVar = "WORKBENCH_SURVIVAL";
