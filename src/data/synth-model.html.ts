// Data loader: the demo generator's own description (loaders/synth/README.md) rendered to HTML, so the Data model
// page always says what the generator in this build does.
import {readFile} from "node:fs/promises";
import MarkdownIt from "markdown-it";

const markdown = await readFile(new URL("../../loaders/synth/README.md", import.meta.url), "utf8");
process.stdout.write(new MarkdownIt({html: false, linkify: false, typographer: true}).render(markdown));
