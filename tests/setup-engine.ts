// Node hosts provide the Readability fallback up front (the content script loads it on demand).
import '../lib/extract/bundled-readability';
