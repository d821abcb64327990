/**
 * The content script's UI as the controller sees it: the state it renders, the actions it offers, and the
 * lazily loaded module (see modules.ts) that renders it and anchors annotations.
 */
import type { Translate } from '../../components/messages';
import type { PanelAnnotation } from '../../components/Panel';
import type { AnnotationDraft } from '../../components/SelectionToolbar';
import type { anchorMany, anchorOutcomes, describeSpan } from '../anchoring';
import type { Clause, NoticeMetadata, ObligationCategory } from '../types';

export interface ToolbarState {
  x: number;
  y: number;
  quote: string;
  initial?: AnnotationDraft;
  expanded: boolean;
  /** Set when editing an existing annotation. */
  editing: string | null;
}

export interface AppState {
  open: boolean;
  metadata: NoticeMetadata;
  clauses: Clause[];
  hidden: ReadonlySet<ObligationCategory>;
  annotations: PanelAnnotation[];
  status: { kind: 'info' | 'error'; text: string } | null;
  toolbar: ToolbarState | null;
  tooltip: { clause: Clause; x: number; y: number } | null;
  canUndo: boolean;
  saved: boolean;
}

export interface AppActions {
  toggleSaved: () => void;
  open: () => void;
  close: () => void;
  toggleCategory: (c: ObligationCategory) => void;
  clauseClick: (index: number) => void;
  annotationClick: (id: string) => void;
  editAnnotation: (id: string) => void;
  deleteAnnotation: (id: string) => void;
  undoDelete: () => void;
  /** Put an unplaced annotation on the text selected in the page. */
  reattachAnnotation: (id: string) => void;
  /** Scroll to one of the places offered for an annotation left unplaced between several. */
  showPlace: (id: string, index: number) => void;
  saveDraft: (draft: AnnotationDraft) => void;
  cancelDraft: () => void;
}

export interface AppProps {
  t: Translate;
  state: AppState;
  actions: AppActions;
}

export interface PageUi {
  panelCss(): string;
  /** Render the UI into `mount`, or clear it with null. */
  render(mount: Element, props: AppProps | null): void;
  anchorMany: typeof anchorMany;
  /** Placed, ambiguous (the places offered) or unplaced, for each annotation. */
  anchorOutcomes?: typeof anchorOutcomes;
  describeSpan: typeof describeSpan;
}
