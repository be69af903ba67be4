import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { isRehearsing, noteFollowUp, noteTarget } from '../../../shared/dryRun';
import type { OperationContext } from '../../helpers/parameters';
import { outputOptions, readNewSubscriber, shape, subscriberTarget } from '../../helpers/parameters';
import {
	additionalFieldsProperty,
	msisdnProperty,
	outputProperty,
	passwordProperties,
} from './descriptions';

const properties: INodeProperties[] = [
	msisdnProperty('The new subscriber\'s MSISDN: its number and SIP username, e.g. the extension number'),
	...passwordProperties('The SIP password of the new subscriber'),
	additionalFieldsProperty(
		'Whether the subscriber is active. Cloudonix creates subscribers active; an inactive one is created and then deactivated (two requests).',
	),
	outputProperty(),
];

const displayOptions = { show: { resource: ['subscriber'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

export async function execute(this: IExecuteFunctions, itemIndex: number, { client }: OperationContext) {
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const { msisdn, body } = readNewSubscriber(this, itemIndex, fields);
	const exists = (subscriber: IDataObject) =>
		new NodeOperationError(
			this.getNode(),
			`A Cloudonix subscriber with MSISDN ${msisdn} already exists (ID ${String(subscriber.id)})`,
			{ itemIndex, description: 'Use "Create or Update" to update existing subscribers instead.' },
		);
	if (isRehearsing(this)) {
		// A real run learns this from Cloudonix's answer to the create; a dry run reads it first.
		const existing = await client.findByMsisdn(msisdn, itemIndex);
		if (existing) throw exists(existing as IDataObject);
		noteTarget(this, subscriberTarget(msisdn, undefined));
		if (fields.active === false) {
			noteFollowUp(this, { method: 'PUT', path: '{id}', body: { active: false } });
		}
	}
	const { subscriber, outcome } = await client.create(body, itemIndex);
	if (outcome === 'exists') throw exists(subscriber as IDataObject);
	let result = subscriber;
	// The create body has no "active": create, then deactivate.
	if (fields.active === false) result = await client.update(String(subscriber.id), { active: false }, itemIndex);
	return shape(result, outputOptions(this, itemIndex));
}
