import type { INodeProperties } from 'n8n-workflow';

import { dryRunProperty } from './dryRun';
import { onlyIfUnchangedProperty } from './onlyIfUnchanged';

type VersionCondition = { _cnd: { gte?: number; lt?: number } };

function optionsFromVersion(property: INodeProperties): number | undefined {
	const versions = property.displayOptions?.show?.['@version'] as VersionCondition[] | undefined;
	return versions?.length === 1 ? versions[0]._cnd?.gte : undefined;
}

function sortedByName(options: INodeProperties[]): INodeProperties[] {
	return [...options].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/**
 * A writing operation's properties with Options › Dry Run and, given `unchangedRecord` (e.g.
 * "user"), Options › Only If Unchanged: added to the operation's own Options collection, or in a
 * new one. An Options collection shown only from a node version on (Include Secrets moved there)
 * gets a twin for the versions before it, holding only these options.
 */
export function withWriteOptions(properties: INodeProperties[], unchangedRecord?: string): INodeProperties[] {
	const added = [dryRunProperty(), ...(unchangedRecord ? [onlyIfUnchangedProperty(unchangedRecord)] : [])];
	const result: INodeProperties[] = [];
	let found = false;
	for (const property of properties) {
		if (property.name !== 'options' || property.type !== 'collection') {
			result.push(property);
			continue;
		}
		found = true;
		result.push({ ...property, options: sortedByName([...((property.options ?? []) as INodeProperties[]), ...added]) });
		const from = optionsFromVersion(property);
		if (from !== undefined) {
			result.push({ ...property, displayOptions: { show: { '@version': [{ _cnd: { lt: from } }] } }, options: sortedByName(added) });
		}
	}
	if (!found) {
		result.push({ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: sortedByName(added) });
	}
	return result;
}
