import { useState } from 'preact/hooks';
import type { AnnotationColour } from '../lib/types';
import { ANNOTATION_COLOURS } from '../lib/types';
import { COLOUR_LABEL, parseTags } from './labels';
import type { Translate } from './messages';

export interface AnnotationDraft {
  colour: AnnotationColour;
  note: string;
  tags: string[];
}

export interface SelectionToolbarProps {
  t: Translate;
  /** Viewport position of the selection's bottom-left corner. */
  x: number;
  y: number;
  /** Viewport top of the selection: the toolbar goes above it when there is no room below. */
  top?: number;
  /** The docked panel is open: keep clear of the window's right side it takes. */
  avoidRight?: boolean;
  quote: string;
  initial?: AnnotationDraft;
  /** Open with the note field shown (for 'add note' and editing). */
  expanded?: boolean;
  onSave(draft: AnnotationDraft): void;
  onCancel: () => void;
}

/** The toolbar's width and heights (collapsed, with the note form), as panel-styles.ts sets them. */
export const TOOLBAR_SIZE = { width: 300, collapsed: 48, expanded: 300 };
/** The docked panel's width below and from 1024 px (highlight-styles.ts). */
const PANEL = { narrow: 300, wide: 380, breakpoint: 1024 };

/**
 * Where the toolbar goes: under the selection when it fits, else above it, never over the selected text when
 * either fits; left-aligned with it and kept inside the window (and clear of the docked panel).
 */
export function toolbarPlace(
  p: Pick<SelectionToolbarProps, 'x' | 'y' | 'top' | 'avoidRight'>,
  expanded: boolean,
  win: { innerWidth: number; innerHeight: number } = {
    innerWidth: globalThis.innerWidth ?? 1000,
    innerHeight: globalThis.innerHeight ?? 800,
  },
): { left: number; top: number } {
  const height = expanded ? TOOLBAR_SIZE.expanded : TOOLBAR_SIZE.collapsed;
  const panel = p.avoidRight ? (win.innerWidth < PANEL.breakpoint ? PANEL.narrow : PANEL.wide) : 0;
  const left = Math.max(8, Math.min(p.x, win.innerWidth - panel - TOOLBAR_SIZE.width - 8));
  const below = p.y + 8;
  const above = (p.top ?? p.y) - 8 - height;
  let top: number;
  if (below + height <= win.innerHeight - 8) top = below;
  else if (above >= 8) top = above;
  else top = Math.max(8, win.innerHeight - height - 8);
  return { left, top };
}

/** The small toolbar under a selection: pick a colour to highlight at once, or open the note and tag fields. */
export function SelectionToolbar(p: SelectionToolbarProps) {
  const [colour, setColour] = useState<AnnotationColour>(p.initial?.colour ?? 'yellow');
  const [note, setNote] = useState(p.initial?.note ?? '');
  const [tags, setTags] = useState((p.initial?.tags ?? []).join(' '));
  const [expanded, setExpanded] = useState(Boolean(p.expanded));
  const save = (c: AnnotationColour = colour) => p.onSave({ colour: c, note: note.trim(), tags: parseTags(tags) });
  const { left, top } = toolbarPlace(p, expanded);

  return (
    <div
      class="toolbar"
      style={{ left: `${left}px`, top: `${top}px` }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') p.onCancel();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save();
        e.stopPropagation();
      }}
      onMouseDown={(e) => e.stopPropagation()}
      onMouseUp={(e) => e.stopPropagation()}
    >
      {expanded && (
        <blockquote class="quote" data-field="quote">
          {p.quote.length > 160 ? `${p.quote.slice(0, 160)}…` : p.quote}
        </blockquote>
      )}
      <div class="swatches">
        {ANNOTATION_COLOURS.map((c) => (
          <button
            type="button"
            key={c}
            class={`swatch col-${c}`}
            data-colour={c}
            title={`${p.t('highlight')}：${p.t(COLOUR_LABEL[c])}`}
            aria-label={`${p.t('highlight')} ${p.t(COLOUR_LABEL[c])}`}
            aria-pressed={c === colour ? 'true' : 'false'}
            onClick={() => (expanded ? setColour(c) : save(c))}
          />
        ))}
        {!expanded && (
          <button type="button" class="btn" data-action="note" onClick={() => setExpanded(true)}>
            {p.t('addNote')}
          </button>
        )}
      </div>
      {expanded && (
        <>
          <textarea
            data-field="note"
            placeholder={p.t('note')}
            value={note}
            maxLength={20000}
            onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
          />
          <input
            data-field="tags"
            placeholder={`${p.t('tags')}（${p.t('tagsPlaceholder')}）`}
            value={tags}
            onInput={(e) => setTags((e.target as HTMLInputElement).value)}
          />
          <div class="row">
            <button type="button" class="btn" data-action="cancel" onClick={p.onCancel}>
              {p.t('cancel')}
            </button>
            <button type="button" class="btn primary" data-action="save" onClick={() => save()}>
              {p.t('save')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
