import type { DetectionInput } from '../../lib/detect';

/**
 * A detection input with the page's text and nothing else found on the page (no URL, labels, title,
 * 文号 or 主送 line): each test states what it adds.
 */
export function detectionInput(text: string, overrides: Partial<DetectionInput> = {}): DetectionInput {
  return {
    url: null,
    site: 'generic',
    text,
    labelled: {},
    title: null,
    hasDocNumber: false,
    docTypeFromTitle: null,
    hasAddresseeLine: false,
    listPage: false,
    pending: false,
    ...overrides,
  };
}
