import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { NormalisedExtension } from '../../shared/extension';
import { displayName, normalisedExtension } from '../../shared/extension';
import type { RecordShape } from '../../shared/output';
import { cleanRecord, shapeOutput } from '../../shared/output';
import type { OutputMode } from '../../shared/properties';

/**
 * Pbx.User properties that hold credentials: SIP auth password, web client password, desk
 * phone password and voicemail PIN. They are removed from output unless the user asks.
 */
export const USER_SECRET_FIELDS = ['AuthPassword', 'AccessPassword', 'DeskphonePassword', 'VMPIN'];

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** How 3CX users become output items; OData annotations such as @odata.context are dropped. */
export const USER_SHAPE: RecordShape = {
	secretFields: USER_SECRET_FIELDS,
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
	let extra: IDataObject = {};
	const json = fields.additionalJson;
	if (json !== undefined && json !== '' && json !== '{}') {
		let parsed: unknown = json;
		if (typeof json === 'string') {
			try {
				parsed = JSON.parse(json);
			} catch (error) {
				throw new NodeOperationError(ctx.getNode(), `"Other Properties (JSON)" in "${parameter}" is not valid JSON: ${(error as Error).message}`, {
					itemIndex,
				});
			}
		}
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
			throw new NodeOperationError(ctx.getNode(), `"Other Properties (JSON)" in "${parameter}" must be a JSON object`, { itemIndex });
		}
		extra = parsed as IDataObject;
	}
	const body: IDataObject = { ...extra };
	for (const [key, value] of Object.entries(fields)) {
		if (key === 'additionalJson' || key === 'groupId' || key === 'roleName') continue;
		body[key] = value;
	}
	if (fields.groupId !== undefined && fields.groupId !== '') {
		const groupId = Number(fields.groupId);
		if (!Number.isInteger(groupId)) {
			throw new NodeOperationError(ctx.getNode(), `"Department Name or ID" must be a group ID, got ${JSON.stringify(fields.groupId)}`, {
				itemIndex,
			});
		}
		body.Groups = [{ GroupId: groupId, Rights: { RoleName: (fields.roleName as string) || 'users' } }];
	}
	return body;
}
