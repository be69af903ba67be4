import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import type { NormalisedExtension } from '../../shared/extension';
import { displayName, normalisedExtension } from '../../shared/extension';
import { checkNumber } from '../../shared/numbers';
import type { RecordShape } from '../../shared/output';
import { cleanRecord, shapeOutput } from '../../shared/output';
import type { OutputMode } from '../../shared/properties';
import { withoutFieldsDeep } from '../../shared/redact';
import { otherPropertiesJson } from './json';

/**
 * Pbx.User properties that hold credentials: SIP auth password, web client password, desk
 * phone password and voicemail PIN. They are removed from output unless the user asks.
 */
export const USER_SECRET_FIELDS = ['AuthPassword', 'AccessPassword', 'DeskphonePassword', 'VMPIN'];

/**
 * Pbx.Phone properties that hold secrets: the provisioning URLs embed the secret path a phone
 * fetches its configuration (with the SIP credentials) from, and Settings (Pbx.PhoneSettings)
 * has a Secret.
 */
export const PHONE_SECRET_FIELDS = ['ProvisioningLinkExt', 'ProvisioningLinkLocal', 'Secret'];

/** A phone without its provisioning links and settings secret (unless asked to keep them). */
export function stripPhoneSecrets(phone: IDataObject, includeSecrets = false): IDataObject {
	return includeSecrets ? { ...phone } : withoutFieldsDeep(phone, PHONE_SECRET_FIELDS);
}

/** A record without OData annotations such as @odata.context. */
export function withoutODataAnnotations(record: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(record).filter(([key]) => !key.startsWith('@odata.')));
}

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** How 3CX users become output items; OData annotations such as @odata.context are dropped. */
export const USER_SHAPE: RecordShape = {
	// Nested: an expanded Phones list carries the provisioning links.
	secretFields: [...USER_SECRET_FIELDS, ...PHONE_SECRET_FIELDS],
	nested: true,
	isAnnotation: (key) => key.startsWith('@odata.'),
	normalise: (user, raw) => {
		const firstName = text(user.FirstName);
		const lastName = text(user.LastName);
		return normalisedExtension({
			number: user.Number === undefined || user.Number === null ? '' : String(user.Number),
			name: displayName(firstName, lastName) ?? text(user.DisplayName),
			firstName,
			lastName,
			email: text(user.EmailAddress),
			mobile: text(user.Mobile),
			enabled: typeof user.Enabled === 'boolean' ? user.Enabled : undefined,
			status: typeof user.IsRegistered === 'boolean' ? (user.IsRegistered ? 'registered' : 'unregistered') : undefined,
			id: user.Id === undefined || user.Id === null ? undefined : String(user.Id),
			source: '3cx',
			raw,
		});
	},
};

/** Removes secrets (unless asked to keep them) and OData annotations such as @odata.context. */
export function stripSecrets<T extends IDataObject>(record: T, includeSecrets = false): T {
	return cleanRecord(record, USER_SHAPE, includeSecrets) as T;
}

/** A 3CX user as the package's vendor-neutral extension (see nodes/shared/extension.ts). */
export function normaliseUser(user: IDataObject, includeSecrets = false): NormalisedExtension {
	return shapeOutput(user, USER_SHAPE, 'normalised', includeSecrets) as NormalisedExtension;
}

export function shapeUser(user: IDataObject, output: OutputMode, includeSecrets: boolean): IDataObject {
	return shapeOutput(user, USER_SHAPE, output, includeSecrets);
}

/** Builds a Pbx.User body from the form fields and the JSON field. */
export function userBody(ctx: IExecuteFunctions, fields: IDataObject, itemIndex: number, parameter: string): IDataObject {
	const extra = otherPropertiesJson(ctx, fields, itemIndex, parameter);
	const body: IDataObject = { ...extra };
	for (const [key, value] of Object.entries(fields)) {
		if (key === 'additionalJson' || key === 'groupId' || key === 'roleName') continue;
		body[key] = value;
	}
	if (fields.groupId !== undefined && fields.groupId !== '') {
		const groupId = checkNumber(ctx.getNode(), fields.groupId, DEPARTMENT, itemIndex);
		body.Groups = [{ GroupId: groupId, Rights: { RoleName: (fields.roleName as string) || 'users' } }];
	}
	return body;
}

/** A department (3CX group) ID: a positive int32, checked before it reaches a body or a $filter. */
const DEPARTMENT = { displayName: 'Department Name or ID', min: 1, max: 2147483647 };

/** A Department value as a group ID, or undefined when none is chosen (empty). */
export function departmentId(node: INode, value: unknown, itemIndex: number): number | undefined {
	if (value === undefined || value === '') return undefined;
	return checkNumber(node, value, DEPARTMENT, itemIndex);
}

/** The Department parameter at `name`, or undefined when none is chosen. */
export function readDepartment(ctx: IExecuteFunctions, name: string, itemIndex: number): number | undefined {
	return departmentId(ctx.getNode(), ctx.getNodeParameter(name, itemIndex, '') as unknown, itemIndex);
}
