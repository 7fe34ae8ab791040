/**
 * Offset of (node, offset) in root's text: the length of the text before it. A point inside a
 * formula (shown from `$…$`, see Highlighted.tsx) moves out of it, to its start for the start of a
 * selection and to its end for the end, so a selection takes a formula it touches whole.
 */
function textOffset(root: Node, node: Node, offset: number, edge: 'start' | 'end'): number {
  const range = document.createRange();
  range.setStart(root, 0);
  const parent = node instanceof Element ? node : node.parentElement;
  const formula = parent?.closest('[data-tex]');
  if (formula && root.contains(formula)) {
    if (edge === 'start') range.setEndBefore(formula);
    else range.setEndAfter(formula);
  } else range.setEnd(node, offset);
  return sourceLength(range.cloneContents());
}

/** The length of the text a piece of the page stands for: a formula counts as its source (`data-tex`). */
function sourceLength(node: Node): number {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent?.length ?? 0;
  const tex = node instanceof Element ? node.getAttribute('data-tex') : null;
  if (tex !== null) return tex.length;
  let length = 0;
  for (const child of node.childNodes) length += sourceLength(child);
  return length;
}

/**
 * The reader's text selection inside `root`, as offsets into `text` (what root shows), with its
 * screen box; null when nothing, or only space, is selected there.
 */
export function selectionIn(root: HTMLElement | null, text: string): { start: number; end: number; box: DOMRect } | null {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !root || !root.contains(sel.anchorNode) || !root.contains(sel.focusNode)) return null;
  const r = sel.getRangeAt(0);
  const start = textOffset(root, r.startContainer, r.startOffset, 'start');
  const end = textOffset(root, r.endContainer, r.endOffset, 'end');
  if (end <= start || !text.slice(start, end).trim()) return null;
  return { start, end, box: r.getBoundingClientRect() };
}
