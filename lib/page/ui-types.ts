/**
 * The content script's UI as the controller sees it: the state it renders, the actions it offers, and the
 * lazily loaded module (see modules.ts) that renders it and anchors annotations.
 */
import type { Translate } from '../../components/messages';
import type { PanelAnnotation } from '../../components/Panel';
import type { AnnotationDraft } from '../../components/SelectionToolbar';
import type { anchorMany, anchorOutcomes, describeSpan } from '../anchoring';
import type { ClauseFilter } from './clause-list';
import type { Clause, NoticeMetadata, ObligationCategory } from '../types';

export interface ToolbarState {
  x: number;
  y: number;
  /** Viewport top of the selection: the form goes above it when there is no room below. */
  top?: number;
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
  /** The notice's text, for the bearer aliases it defines (以下简称). */
  text: string;
  /** The panel's filters besides the category switches. */
  filter: ClauseFilter;
  /** The clause last stepped to or clicked (its index), marked in the list. */
  current: number | null;
  /** A short message over the page, with 撤销 when `undo` is set. */
  toast: { text: string; undo?: boolean } | null;
  /** The signed-in team sync user (the panel offers 我的 / 团队 / 全部), null while sync is off. */
  syncUser?: string | null;
  /** Notes (ids) with other versions on the team server (marked in the panel); empty while sync is off. */
  syncConflicts?: ReadonlySet<string>;
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
  setFilter: (filter: ClauseFilter) => void;
  /** Next (1) or previous (-1) shown clause: scroll to it and mark it. */
  step: (delta: 1 | -1) => void;
  citationCopied: (text: string | null) => void;
  /** The toast's 撤销. */
  undoToast: () => void;
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
  /** The indexes of the clauses the panel shows, in the order of the text (see clause-list.ts). */
  shownClauses?(
    text: string,
    clauses: readonly Clause[],
    hidden: ReadonlySet<ObligationCategory>,
    filter: ClauseFilter,
  ): number[];
}
