import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	eventsProperty,
	filtersProperty,
	optionsProperty,
	pollChanges,
	triggerRequestOptionsProperty,
	triggerSafetyProperty,
	watchField,
	watchFieldsProperty,
} from '../shared/changeTrigger';
import { normaliseRecord } from './helpers/record';
import { listRecords } from './transport';
import { CREDENTIAL_TYPE } from './transport/credential';

export class CloudonixTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cloudonix Trigger',
		name: 'cloudonixTrigger',
		icon: { light: 'file:cloudonix.svg', dark: 'file:cloudonix.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Subscriber " + $parameter["events"].join(", ")}}',
		description: 'Starts the workflow when a Cloudonix subscriber is created, changed or deleted',
		defaults: {
			name: 'Cloudonix Trigger',
		},
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			eventsProperty,
			watchFieldsProperty(
				[
					watchField('email', 'The e-mail in the subscriber\'s profile'),
					watchField('enabled', 'The subscriber\'s active flag'),
					watchField('firstName', 'The first name in the profile'),
					watchField('lastName', 'The last name in the profile'),
					watchField('name', 'The display name in the profile (or its name)'),
				],
				['email', 'enabled', 'name'],
			),
			filtersProperty(
				[
					{
						displayName: 'MSISDN Prefix',
						name: 'msisdnPrefix',
						type: 'string',
						default: '',
						placeholder: 'e.g. 10',
						description: 'Only subscribers whose MSISDN starts with this (a leading + is ignored)',
					},
					{
						displayName: 'Max MSISDN Length',
						name: 'maxMsisdnLength',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description:
							'Only subscribers whose MSISDN has at most this many characters, e.g. 5 to leave out phone numbers (DIDs) and keep extensions. 0 means no limit.',
					},
				],
				'Applied by the node to the whole domain that Cloudonix returns. A subscriber that stops matching counts as deleted.',
			),
			optionsProperty,
			triggerSafetyProperty,
			triggerRequestOptionsProperty,
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const filters = this.getNodeParameter('filters', {}) as IDataObject;
		return await pollChanges.call(this, {
			source: 'cloudonix',
			vendor: 'Cloudonix',
			filters: { msisdnPrefix: filters.msisdnPrefix ?? '', maxMsisdnLength: filters.maxMsisdnLength ?? 0 },
			read: async () => {
				const { records } = await listRecords(this, {
					msisdnPrefix: filters.msisdnPrefix as string | undefined,
					maxMsisdnLength: filters.maxMsisdnLength as number | undefined,
				});
				return records.map((sub) => normaliseRecord(sub));
			},
		});
	}
}
