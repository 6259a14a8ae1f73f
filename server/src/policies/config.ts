/** Regions, departments, categories, services, holidays and routing rules. */
export const CONFIG_EDITORS = ['county', 'sysadmin'] as const;
