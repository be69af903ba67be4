import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import { splitList } from '../../helpers/parameters';
import { phoneRef } from '../../helpers/phone';
import { request } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Phones',
		name: 'phones',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 0004f2ae4838, 0004f2ae4839',
		description: 'Phone IDs or MAC addresses, separated by commas or new lines (or an array from an expression)',
	},
	{
		displayName: 'Restart Phones',
		name: 'restart',
		type: 'boolean',
		default: false,
		description: 'Whether to restart each phone after its profile is sent, so it applies the new configuration now',
	},
];

const displayOptions = { show: { resource: ['phone'], operation: ['sendProfiles'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/**
 * Regenerates and sends the configuration profiles of several phones
 * (`PUT /api/phones/{id-or-MAC}/sendProfile[/restart]`): sipXcom's "reprovision phones".
 * Every phone is tried; one output item per phone.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const phones = splitList(this.getNodeParameter('phones', itemIndex, ''));
	if (!phones.length) {
		throw new NodeOperationError(this.getNode(), `"Phones" is empty for item ${itemIndex}`, {
			itemIndex,
			description: 'List at least one phone ID or MAC address.',
		});
	}
	// Validate every entry before sending anything.
	const refs = [...new Set(phones.map((p) => phoneRef(this, p, 'Phones', itemIndex)))];
	const restart = this.getNodeParameter('restart', itemIndex, false) as boolean;
	const results: IDataObject[] = [];
	const failed: string[] = [];
	for (const ref of refs) {
		try {
			await request(
				this,
				{
					api: 'json',
					method: 'PUT',
					path: `/phones/${encodeURIComponent(ref)}/sendProfile${restart ? '/restart' : ''}`,
					// Re-sending a profile is harmless; repeating a restart is not, so only the former is retried on 5xx.
					idempotent: !restart,
				},
				itemIndex,
			);
			results.push({ phone: ref, profileSent: true, restarted: restart });
		} catch (error) {
			failed.push(ref);
			results.push({ phone: ref, profileSent: false, restarted: false, error: (error as Error).message });
		}
	}
	if (failed.length && !this.continueOnFail()) {
		const sent = refs.filter((r) => !failed.includes(r));
		const first = results.find((r) => r.error)?.error as string;
		throw new NodeOperationError(
			this.getNode(),
			`Sending profiles failed for ${failed.length} of ${refs.length} phones (${failed.join(', ')}): ${first}`,
			{
				itemIndex,
				description: sent.length ? `Profiles were sent to: ${sent.join(', ')}.` : 'No profile was sent.',
			},
		);
	}
	return results;
}
