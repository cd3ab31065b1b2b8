import type { JsonPath } from '../../../../shared/model/paths';

/**
 * A field's identity that survives edits to the lists around it: a list index becomes the item's id, so
 * the e-mail typed for the third participant stays with her when the second one is removed. Target rows
 * are known by their stage id. The key is JSON, so ids may contain any character.
 */
type Segment = string | number | { id: string };

function identity(item: unknown): string | null {
  if (!item || typeof item !== 'object') return null;
  const { id, stageId } = item as { id?: unknown; stageId?: unknown };
  if (typeof id === 'string') return id;
  if (typeof stageId === 'string') return `stage:${stageId}`;
  return null;
}

export function draftKey(root: unknown, path: JsonPath): string {
  const segments: Segment[] = [];
  let node = root;
  for (const part of path) {
    const item = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[part] : undefined;
    const id = Array.isArray(node) && typeof part === 'number' ? identity(item) : null;
    segments.push(id === null ? part : { id });
    node = item;
  }
  return JSON.stringify(segments);
}

/** The field's path now, or null when its item is gone (removed, or undone). */
export function resolveDraftKey(root: unknown, key: string): JsonPath | null {
  let segments: unknown;
  try {
    segments = JSON.parse(key);
  } catch {
    return null;
  }
  if (!Array.isArray(segments)) return null;
  const path: (string | number)[] = [];
  let node = root;
  for (const segment of segments as unknown[]) {
    if (node === null || typeof node !== 'object') return null;
    let part: string | number;
    if (typeof segment === 'string' || typeof segment === 'number') part = segment;
    else if (segment && typeof segment === 'object' && typeof (segment as { id?: unknown }).id === 'string' && Array.isArray(node)) {
      const wanted = (segment as { id: string }).id;
      const index = node.findIndex((item) => identity(item) === wanted);
      if (index < 0) return null;
      part = index;
    } else return null;
    path.push(part);
    node = (node as Record<string | number, unknown>)[part];
  }
  return path;
}
