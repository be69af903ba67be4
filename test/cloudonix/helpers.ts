import { cloudonix } from '../../dev/harness/vendors';

export const NODE = cloudonix.node;
