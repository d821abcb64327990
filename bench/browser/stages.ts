/**
 * The page pipeline's stages, in the order they run: how the page benchmark times them and how the report
 * lists them. Its own module so the report can read it without loading the browser benchmark.
 */
export const PIPELINE_STAGES = [
  'extract',
  'normalise',
  'metadata',
  'detect',
  'obligations',
  'transfer',
  'ranges',
  'paint',
] as const;

export type PipelineStage = (typeof PIPELINE_STAGES)[number];
