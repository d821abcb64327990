import { ClauseTooltip } from '../../components/ClauseTooltip';
import type { Translate } from '../../components/messages';
import { Launcher, Panel, type PanelAnnotation } from '../../components/Panel';
import { SelectionToolbar, type AnnotationDraft } from '../../components/SelectionToolbar';
import type { Clause, NoticeMetadata, ObligationCategory } from '../../lib/types';

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
  toggleSaved(): void;
  open(): void;
  close(): void;
  toggleCategory(c: ObligationCategory): void;
  clauseClick(index: number): void;
  annotationClick(id: string): void;
  editAnnotation(id: string): void;
  deleteAnnotation(id: string): void;
  undoDelete(): void;
  saveDraft(draft: AnnotationDraft): void;
  cancelDraft(): void;
}

/** The content script's UI inside its shadow root: launcher or panel, selection toolbar, clause tooltip. */
export interface AppProps {
  t: Translate;
  state: AppState;
  actions: AppActions;
}

export function App(props: AppProps) {
  const { t, state, actions } = props;
  return (
    <div class="root">
      {state.open ? (
        <Panel
          t={t}
          metadata={state.metadata}
          clauses={state.clauses}
          hidden={state.hidden}
          annotations={state.annotations}
          status={state.status}
          canUndo={state.canUndo}
          saved={state.saved}
          onToggleSaved={actions.toggleSaved}
          onToggleCategory={actions.toggleCategory}
          onClauseClick={actions.clauseClick}
          onAnnotationClick={actions.annotationClick}
          onEditAnnotation={actions.editAnnotation}
          onDeleteAnnotation={actions.deleteAnnotation}
          onUndoDelete={actions.undoDelete}
          onClose={actions.close}
        />
      ) : (
        <Launcher t={t} count={state.clauses.length} onOpen={actions.open} />
      )}
      {state.toolbar && (
        <SelectionToolbar
          key={`${state.toolbar.editing ?? 'new'}-${state.toolbar.x}-${state.toolbar.y}`}
          t={t}
          x={state.toolbar.x}
          y={state.toolbar.y}
          quote={state.toolbar.quote}
          initial={state.toolbar.initial}
          expanded={state.toolbar.expanded}
          onSave={actions.saveDraft}
          onCancel={actions.cancelDraft}
        />
      )}
      {state.tooltip && <ClauseTooltip t={t} clause={state.tooltip.clause} x={state.tooltip.x} y={state.tooltip.y} />}
      {!state.open && state.status && (
        <div class={`status floating${state.status.kind === 'error' ? ' error' : ''}`} role="status">
          {state.status.text}
        </div>
      )}
    </div>
  );
}
