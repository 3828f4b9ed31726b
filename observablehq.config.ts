// Observable Framework configuration. The settings below make the build work with no network at all
// (see ../shared/offline-build.md): no web-font stylesheet, no favicon request, TypeScript loaders through
// `node --import tsx` (works without node_modules/.bin on PATH), and the npm cache seeded by scripts/seed-npm-cache.mjs.
export default {
  title: "TACE workbench",
  // `workbench report` builds a private copy of src/ into its own temporary folder (loaders/site/buildReportSite.ts),
  // so a report never touches src/.observablehq/cache or dist/ of the usual build.
  root: process.env.WORKBENCH_SITE_ROOT || "src",
  output: process.env.WORKBENCH_SITE_OUTPUT || "dist",
  head: '<link rel="icon" href="data:,">',
  globalStylesheets: [],
  // The default theme plus every static style of the components and pages, in one stylesheet (src/style.css).
  style: "style.css",
  footer: "tace-workbench — reproduces and audits Peng et al., Eur Radiol 2020;30:413–424.",
  search: true,
  interpreters: {".ts": ["node", "--import", "tsx"]},
  pages: [
    {name: "Cohorts", path: "/cohorts"},
    {name: "Training", path: "/training"},
    {name: "Discrimination", path: "/discrimination"},
    {name: "Objective response", path: "/objective-response"},
    {name: "Clinical utility", path: "/clinical-utility"},
    {name: "Clinical baseline", path: "/clinical-baseline"},
    {name: "Across centres", path: "/across-centres"},
    {name: "Readers", path: "/readers"},
    {name: "Survival", path: "/survival"},
    {name: "Your predictions", path: "/your-predictions"},
    {name: "Explore", path: "/explore"},
    {name: "Write your own cells", path: "/notebook-example"},
    {name: "Gallery", path: "/gallery"},
    {name: "Patch geometry", path: "/geometry"},
    {name: "Paper vs corrected", path: "/paper-vs-corrected"},
    {name: "Protocol", path: "/protocol"},
    {name: "TRIPOD+AI", path: "/tripod-ai"},
    {name: "CLAIM 2024", path: "/claim"},
    {name: "Data model", path: "/data-model"},
  ],
};
