// Statuses are the story's vocabulary: defined where used, used where defined.
import { statusStyleChoices } from '../../catalogue/kinds.ts';
import type { Reporter } from '../diagnostics.ts';
import { frontMatterOffset, type CheckedFrontMatter } from '../frontMatter.ts';
import { placeKindSchema } from '../schema.ts';
import type { Places } from './places.ts';

/** Each status a listed place carries is defined by the story (its legend line, its panel
 * sentence, its drawing), and each defined status is used: the vocabulary is the story's. */
export function checkStatuses(fm: CheckedFrontMatter, places: Places, report: Reporter): void {
  if (!fm.places || fm.statuses === null) return;
  const defined = fm.statuses ?? {};
  const used = new Set<string>();
  const styles = `style: ${statusStyleChoices()}`;
  for (const id of Object.keys(fm.places)) {
    const status = places.all.get(id)?.properties.status;
    if (!status) continue;
    used.add(status);
    if (status in defined) continue;
    report.at(
      frontMatterOffset(fm.fm!, ['places', id], 'key'),
      `front matter: place "${id}" has status "${status}" (${places.fileOf.get(id)}), which the story does not define: add "${status}:" under statuses with legend, description and ${styles}`,
    );
  }
  for (const id of Object.keys(defined)) {
    const offset = frontMatterOffset(fm.fm!, ['statuses', id], 'key');
    if ((placeKindSchema.options as readonly string[]).includes(id)) {
      report.at(
        offset,
        `front matter: status "${id}" has the name of a place kind: give it another id (and the places that carry it)`,
      );
    } else if (!used.has(id)) {
      report.at(
        offset,
        `front matter: status "${id}" is defined but no listed place has it: remove it from statuses`,
      );
    }
  }
}
