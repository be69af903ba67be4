/** The README's workflow picture is generated from the example; it must match the example as it is now. */
import { readFileSync } from 'fs';
import { join } from 'path';

import { renderWorkflow } from '../../scripts/render-workflow';

const ROOT = join(__dirname, '..', '..');

it('docs/images/nightly-3cx-cloudonix-sync.svg is up to date (npm run docs:images)', () => {
	const workflow = JSON.parse(readFileSync(join(ROOT, 'examples', 'nightly-3cx-cloudonix-sync.json'), 'utf8'));
	const committed = readFileSync(join(ROOT, 'docs', 'images', 'nightly-3cx-cloudonix-sync.svg'), 'utf8');
	expect(renderWorkflow(workflow)).toBe(committed);
});
