import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withoutFieldsDeep } from '../../shared/redact';
import { request } from '../transport';
import { withoutODataAnnotations } from '../transport/odata';

/** The licence key is the PBX's secret (whoever has it can activate a PBX with it): never in the output. */
const SYSTEM_SECRET_FIELDS = ['LicenseKey'];

/** The edition from Pbx.License's flags; null when neither is set (what XAPI then runs on is not documented). */
function edition(license: IDataObject | undefined): string | null {
	if (license?.IsEnterprise === true) return 'Enterprise';
	if (license?.IsProfessional === true) return 'Professional';
	return null;
}

/**
 * GET /SystemStatus (Pbx.SystemStatus: version, licence, counts) and
 * GET /Defs/Pbx.GetSystemParameters() (Pbx.SystemParameters, whose Pbx.License says the
 * edition). An answer without a version is an error: the point is to know which 3CX this is.
 */
export async function systemStatus(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const status = withoutFieldsDeep(withoutODataAnnotations(await request(ctx, { path: '/SystemStatus' }, itemIndex)), SYSTEM_SECRET_FIELDS);
	const parameters = withoutODataAnnotations(await request(ctx, { path: '/Defs/Pbx.GetSystemParameters()' }, itemIndex));
	if (typeof status.Version !== 'string' || status.Version === '') {
		throw new NodeOperationError(ctx.getNode(), 'The PBX answered GET /SystemStatus without its version', { itemIndex });
	}
	const license = parameters.License as IDataObject | undefined;
	return {
		version: status.Version,
		edition: edition(license),
		productCode: status.ProductCode ?? license?.ProductCode ?? null,
		fqdn: status.FQDN ?? parameters.FQDN ?? null,
		licenseActive: status.LicenseActive ?? null,
		expirationDate: status.ExpirationDate ?? null,
		maintenanceExpiresAt: status.MaintenanceExpiresAt ?? null,
		maxSimCalls: status.MaxSimCalls ?? license?.MaxSimCalls ?? null,
		userExtensions: status.UserExtensions ?? null,
		extensionsRegistered: status.ExtensionsRegistered ?? null,
		extensionsTotal: status.ExtensionsTotal ?? null,
		trunksRegistered: status.TrunksRegistered ?? null,
		trunksTotal: status.TrunksTotal ?? null,
		callsActive: status.CallsActive ?? null,
		systemStatus: status,
		license: license ?? null,
	};
}
