import type {StudyConfig} from "../../src/components/study/studyConfig.js";
import {
  ChannelModes,
  InPlaneSpacings,
  PatchFallbacks,
  PatchGeometries,
  PatchLesions,
} from "../../src/components/study/vocabulary.js";
import {huWindow} from "./normalizeImaging.js";
import {ConfigError, number, oneOf, record} from "./validate.js";

/**
 * The `patches` section (how each patient's patches are cut: geometry, size, lesion, slices, coverage, channels):
 * untrusted JSON → StudyConfig["patches"], every key defaulted from `fallback`. Split from normalizeStudyConfig.ts,
 * where it was the largest section; the cross-section checks stay there.
 */
export function normalizePatches(value: unknown, fallback: StudyConfig["patches"]): StudyConfig["patches"] {
  const patches = record("patches", value, [
    "geometry",
    "sizePx",
    "sizeMm",
    "minNativePx",
    "minDiameterMm",
    "lesion",
    "inPlaneSpacing",
    "slicesPerPatient",
    "patchesPerSlice",
    "minSliceAreaFraction",
    "minRoiCoverage",
    "channels",
    "channelWindows",
    "fallback",
  ]);
  const d = fallback;
  return {
    geometry: oneOf("patches.geometry", patches.geometry, PatchGeometries, d.geometry),
    sizePx: number("patches.sizePx", patches.sizePx, d.sizePx, {integer: true, min: 32, max: 1024}),
    sizeMm: number("patches.sizeMm", patches.sizeMm, d.sizeMm, {above: 0, max: 300}),
    minNativePx: number("patches.minNativePx", patches.minNativePx, d.minNativePx, {integer: true, min: 1, max: 1024}),
    minDiameterMm: number("patches.minDiameterMm", patches.minDiameterMm, d.minDiameterMm, {min: 0, max: 300}),
    lesion: oneOf("patches.lesion", patches.lesion, PatchLesions, d.lesion),
    inPlaneSpacing: oneOf("patches.inPlaneSpacing", patches.inPlaneSpacing, InPlaneSpacings, d.inPlaneSpacing),
    slicesPerPatient: number("patches.slicesPerPatient", patches.slicesPerPatient, d.slicesPerPatient, {
      integer: true,
      min: 1,
      max: 50,
    }),
    patchesPerSlice: number("patches.patchesPerSlice", patches.patchesPerSlice, d.patchesPerSlice, {
      integer: true,
      min: 1,
      max: 50,
    }),
    minSliceAreaFraction: number("patches.minSliceAreaFraction", patches.minSliceAreaFraction, d.minSliceAreaFraction, {
      min: 0,
      max: 1,
    }),
    minRoiCoverage: number("patches.minRoiCoverage", patches.minRoiCoverage, d.minRoiCoverage, {above: 0, max: 1}),
    channels: oneOf("patches.channels", patches.channels, ChannelModes, d.channels),
    channelWindows: channelWindows(patches.channelWindows, d.channelWindows),
    fallback: oneOf("patches.fallback", patches.fallback, PatchFallbacks, d.fallback),
  };
}

/** The three HU windows of channels = "windows"; each window's missing key defaults to the soft-tissue 50 / 400. */
function channelWindows(
  value: unknown,
  fallback: StudyConfig["patches"]["channelWindows"],
): StudyConfig["patches"]["channelWindows"] {
  if (value === undefined) return fallback.map((w) => ({...w}));
  if (!Array.isArray(value) || value.length !== 3) {
    throw new ConfigError(
      `patches.channelWindows: expected an array of 3 windows {level, width}, got ${JSON.stringify(value)}`,
    );
  }
  return value.map((w, i) => huWindow(`patches.channelWindows[${i}]`, w, {level: 50, width: 400}));
}
