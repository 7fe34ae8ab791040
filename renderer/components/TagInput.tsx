import { useApp } from '../store';

/**
 * The one field that tags papers (the reader, a selection, triage): offers the tag names there
 * are, takes several at once separated by commas, and empties once they are added.
 */
export function TagInput({
  paperIds,
  label,
  placeholder,
  id,
  blurAfter = false,
}: {
  paperIds: string[];
  label: string;
  placeholder: string;
  id?: string;
  blurAfter?: boolean;
}) {
  const addTags = useApp((s) => s.addTags);
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        const input = e.currentTarget.elements.namedItem('tag') as HTMLInputElement;
        const typed = input.value;
        void addTags(paperIds, typed.split(',')).then(() => {
          // Emptied only if it still holds what was added: the reader may have typed the next tag,
          // for another paper, while the core answered (the reader reuses this field).
          if (input.value === typed) input.value = '';
          if (blurAfter) input.blur();
        });
      }}
    >
      <input id={id} name="tag" aria-label={label} placeholder={placeholder} list="tag-names" />
    </form>
  );
}
