/** The canvas subtitle shows the operation and resource as the editor names them, never internal values. */
import type { INodeTypeDescription } from 'n8n-workflow';

import { PACKAGE_NAME, packageNodes } from '../../dev/harness/registry';

type Option = { name: string; value: string };

function descriptionsOf(type: string): INodeTypeDescription[] {
	const node = packageNodes()[type];
	return 'nodeVersions' in node ? Object.values(node.nodeVersions).map((v) => v.description) : [node.description];
}

/** Evaluates `={{ expression }}` with $parameter, as the editor does for a subtitle. */
function subtitleFor(subtitle: string, parameters: Record<string, string>): string {
	const body = subtitle.replace(/^=\{\{/, '').replace(/\}\}$/, '');
	return new Function('$parameter', `return ${body};`)(parameters) as string;
}

const vendorNodes = ['threeCx', 'cloudonix', 'openVox', 'sipXcom'].map((name) => `${PACKAGE_NAME}.${name}`);

describe.each(vendorNodes)('%s subtitle', (type) => {
	it('reads "Operation: Resource" with the names the user picked, for every operation', () => {
		for (const description of descriptionsOf(type)) {
			const resources = description.properties.find((p) => p.name === 'resource')!.options as Option[];
			for (const resource of resources) {
				const operations = description.properties.filter(
					(p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes(resource.value),
				);
				expect(operations.length).toBeGreaterThan(0);
				for (const option of operations.flatMap((p) => p.options as Option[])) {
					const shown = subtitleFor(String(description.subtitle), { resource: resource.value, operation: option.value });
					expect(shown).toBe(`${option.name}: ${resource.name}`);
				}
			}
		}
	});
});

it('Cloudonix Create or Update reads as the issue asked', () => {
	const [description] = descriptionsOf(`${PACKAGE_NAME}.cloudonix`);
	expect(subtitleFor(String(description.subtitle), { resource: 'subscriber', operation: 'upsert' })).toBe('Create or Update: Subscriber');
});
