/**
 * How messages name a task: `task 'loadUser'`, or `an anonymous task`.
 * @internal
 */
export const taskLabel = (name: string): string => (name ? `task '${name}'` : 'an anonymous task');
