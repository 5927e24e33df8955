/** A label's box on screen, in pixels, anchored at its marker. */
export interface LabelBox {
  id: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Pixels kept free between two labels, so neighbours stay readable. */
const GAP = 4;

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return (
    a.x < b.x + b.width + GAP &&
    b.x < a.x + a.width + GAP &&
    a.y < b.y + b.height + GAP &&
    b.y < a.y + a.height + GAP
  );
}

/**
 * The labels that can be shown without overlapping, chosen greedily in the order given (the
 * caller puts the towers in trouble first, so theirs win a crowded spot). A hidden label is still
 * one hover away in the marker's tooltip, and shows again when zooming in makes room.
 */
export function visibleLabels(boxes: readonly LabelBox[]): Set<number> {
  const placed: LabelBox[] = [];
  for (const box of boxes) if (!placed.some((other) => overlaps(box, other))) placed.push(box);
  return new Set(placed.map((box) => box.id));
}
