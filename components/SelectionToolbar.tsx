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
  quote: string;
  initial?: AnnotationDraft;
  /** Open with the note field shown (for 'add note' and editing). */
  expanded?: boolean;
  onSave(draft: AnnotationDraft): void;
  onCancel: () => void;
}

/** The small toolbar under a selection: pick a colour to highlight at once, or open the note and tag fields. */
export function SelectionToolbar(p: SelectionToolbarProps) {
  const [colour, setColour] = useState<AnnotationColour>(p.initial?.colour ?? 'yellow');
  const [note, setNote] = useState(p.initial?.note ?? '');
  const [tags, setTags] = useState((p.initial?.tags ?? []).join(' '));
  const [expanded, setExpanded] = useState(Boolean(p.expanded));
  const save = (c: AnnotationColour = colour) => p.onSave({ colour: c, note: note.trim(), tags: parseTags(tags) });
  const left = Math.max(8, Math.min(p.x, (globalThis.innerWidth ?? 1000) - 280));
  const top = Math.max(8, Math.min(p.y + 8, (globalThis.innerHeight ?? 800) - (expanded ? 220 : 60)));

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
