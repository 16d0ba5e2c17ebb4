/** The name shown wherever a deleted account's name used to be (every store writes this one). */
export const DELETED_NAME = '已注销用户';
