import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Json } from '../transport/xml';

export type SearchBy = 'byUserName' | 'byFuzzyUserNameOrAlias' | 'byGroup' | 'all';

/** The SOAP `search` element, or undefined for All Users; an empty value is refused. */
export function readSearch(ctx: IExecuteFunctions, itemIndex: number): { searchBy: SearchBy; value?: string; search?: Json } {
	const searchBy = ctx.getNodeParameter('searchBy', itemIndex) as SearchBy;
	if (searchBy === 'all') return { searchBy };
	const value = String(ctx.getNodeParameter('searchValue', itemIndex, '') ?? '').trim();
	if (!value) {
		throw new NodeOperationError(ctx.getNode(), `"Search Value" is empty for item ${itemIndex}`, {
			itemIndex,
			description:
				'An empty search would match nothing or everything depending on the sipXcom version, so the node refuses it. Set a user name, part of one, or a group name.',
		});
	}
	return { searchBy, value, search: { [searchBy]: value } };
}
