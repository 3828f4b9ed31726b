// Data loader: gallery patches, class-activation overlays and their predictions (data/gallery.zip).
import {galleryZip} from "../../loaders/site/galleryZip.js";
import {sitePipeline} from "../../loaders/site/sitePipeline.js";

process.stdout.write(await galleryZip(await sitePipeline()));
