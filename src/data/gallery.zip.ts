// Data loader: gallery patches, class-activation overlays and their predictions (data/gallery.zip).
import {siteGallery} from "../../loaders/site/siteArtifacts.js";

process.stdout.write(await siteGallery());
