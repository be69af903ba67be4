import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { systemStatus } from '../../helpers/system';

const properties: INodeProperties[] = [
	{
		displayName: 'The output shows which 3CX the credential talks to: version, edition and licence. The licence key is never in the output.',
		name: 'statusNotice',
		type: 'notice',
		default: '',
	},
];

const displayOptions = { show: { resource: ['system'], operation: ['getStatus'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /SystemStatus and GET /Defs/Pbx.GetSystemParameters(): version, edition, licence, counts. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await systemStatus(this, itemIndex);
}
