/** Source numbering and labels, shared by inline citations and source lists. */
import type { Story } from './story';

/** Site-wide number of a source, 1-based, in the order of the seed files. */
export function sourceNumber(story: Story, id: string): number {
  const ordered = [...story.sources].sort((a, b) => a.data.seedFile.localeCompare(b.data.seedFile));
  const index = ordered.findIndex((s) => s.id === id);
  if (index < 0) throw new Error(`Unknown source "${id}"`);
  return index + 1;
}
