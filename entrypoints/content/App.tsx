import { ClauseTooltip } from '../../components/ClauseTooltip';
import { Launcher, Panel } from '../../components/Panel';
import { SelectionToolbar } from '../../components/SelectionToolbar';
import { aliasesOf } from '../../lib/page/clause-list';
import type { AppProps } from '../../lib/page/ui-types';

export type { AppActions, AppProps, AppState, ToolbarState } from '../../lib/page/ui-types';

/** The content script's UI inside its shadow root: launcher or panel, selection toolbar, clause tooltip. */
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
          onReattachAnnotation={actions.reattachAnnotation}
          onShowPlace={actions.showPlace}
          onUndoDelete={actions.undoDelete}
          onClose={actions.close}
          onCitationCopied={actions.citationCopied}
          aliases={aliasesOf(state.text)}
          filter={state.filter}
          onFilter={actions.setFilter}
          current={state.current}
          onStep={actions.step}
          syncUser={state.syncUser}
          conflicts={state.syncConflicts}
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
          top={state.toolbar.top}
          avoidRight={state.open}
          quote={state.toolbar.quote}
          initial={state.toolbar.initial}
          expanded={state.toolbar.expanded}
          onSave={actions.saveDraft}
          onCancel={actions.cancelDraft}
        />
      )}
      {state.tooltip && <ClauseTooltip t={t} clause={state.tooltip.clause} x={state.tooltip.x} y={state.tooltip.y} />}
      {state.toast && (
        <div class="toast" role="status" data-section="toast">
          {state.toast.text}
          {state.toast.undo && (
            <button type="button" class="link" data-action="undo-toast" onClick={actions.undoToast}>
              {t('undo')}
            </button>
          )}
        </div>
      )}
      {!state.open && state.status && (
        <div class={`status floating${state.status.kind === 'error' ? ' error' : ''}`} role="status">
          {state.status.text}
        </div>
      )}
    </div>
  );
}
