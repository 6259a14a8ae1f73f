/** Regions, departments, categories, services, holidays and routing rules. */
export const CONFIG_EDITORS = ['county', 'sysadmin'] as const;
/** The routing classifier: those who dispatch and those who set routing up (it decides what reaches the dispatcher). */
export const MODEL_READERS = ['dispatcher', 'county', 'sysadmin'] as const;
