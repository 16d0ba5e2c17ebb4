/**
 * The report form's description limits, the client's copy of core/schemas.ts LIMITS.descriptionMin/Max
 * (src/ takes nothing but the action map and labels from core/ at run time; a test keeps them equal).
 */
export const DESCRIPTION_MAX = 500;
/** Fewer characters say nothing a handler can act on; the backend refuses them (CONCERN.DESCRIPTION_TOO_SHORT). */
export const DESCRIPTION_MIN = 4;

export const DESCRIPTION_SHORT_TEXT = `描述太短了：请至少写 ${DESCRIPTION_MIN} 个字，说清楚在哪里、是什么情况，办理人员才好处理。`;
