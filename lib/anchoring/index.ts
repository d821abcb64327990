/**
 * Re-anchoring engine: describe a span of a notice's normalised text with selectors, and find it again
 * after the text changed. Pure: no DOM, no storage. Offsets are UTF-16 code units of the normalised text
 * (`normaliseText(...).text`); map them to the page with `sourceSpan` and the DOM text map.
 */

export type { TextQuoteSelector, TextPositionSelector, StructuralKey, Selector } from './selectors';
export type { AnchorResult, AnchorOutcome } from './anchor';
export { describeSpan } from './describe';
export { anchorSelectors, anchorMany, anchorOutcomes } from './anchor';
