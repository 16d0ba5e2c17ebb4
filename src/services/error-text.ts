/**
 * The ONE mapping from error codes to the Chinese text users see. Each text says what happened
 * and what to do next.
 */
import { codeOf, isApiError, NETWORK_FAILED } from './api-error';
import { DESCRIPTION_SHORT_TEXT } from './description-limits';

const TEXT: Record<string, string> = {
  'AUTH.REQUIRED': '登录已失效，请重新登录后再试。',
  'AUTH.FORBIDDEN': '您没有权限查看或办理此项。如需开通，请联系所在村（社区）网格员。',
  'AUTH.DEV_LOGIN_DISABLED': '当前环境未开放演示登录，请在微信小程序中打开。',
  'ACTION.UNKNOWN': '当前版本不支持此操作，请更新小程序后再试。',
  'VALIDATION.FAILED': '填写的内容有误，请检查后重新提交。',
  'GRID.PLACE_NOT_FOUND': '没有找到所选地点，请重新选择村（社区）。',
  'GRID.PLACE_REQUIRED': '无法根据位置确定所在村（社区），请手动选择村（社区）。',
  'GRID.OUTSIDE_AREA': '这个位置不在本平台服务的镇街范围内，请确认位置，或选择村（社区）后再提交。',
  'IMPORT.INVALID': '导入文件有错误，未做任何修改。请按逐行报告修改后重新导入。',
  'IMPORT.CONFLICT': '导入期间网格数据已被他人修改，未做任何修改。请重新导入。',
  'CATEGORY.UNKNOWN': '所选类别已停用，请重新选择问题类别。',
  'CONCERN.NOT_FOUND': '没有找到这条诉求，可能已被删除。请返回列表刷新。',
  'CONCERN.ILLEGAL_TRANSITION': '这条诉求当前状态不能这样办理，请刷新后查看最新进展。',
  'CONCERN.CONFLICT': '这条诉求刚被其他人更新过，请刷新后再操作。',
  RATE_LIMITED: '操作太频繁了，请稍等几分钟再试。',
  'CONTENT.RISKY': '内容未通过安全检查，没有提交（已填写的内容还在）。请删去广告、引流联系方式、辱骂等不适宜发布的词句后再提交。',
  'MODERATION.NOT_HELD': '这条内容已经处理过了（可能是其他管理员处理的），已从待审核列表中移除。',
  'ME.STAFF_ACCOUNT': '工作人员账号由镇管理员统一管理，如需注销请联系镇网格管理员。',
  'ME.LEADS_TEAM': '您还是志愿队队长，请先把队伍移交给其他队员后再注销。',
  'CONCERN.TARGET_INVALID': '所选的承办单位不可用：请选择本镇内的其他村（社区）、经济社或网格。',
  'CONCERN.NO_HIGHER_LEVEL': '已经是镇一级，不能再上报。如确需协调，请联系镇相关职能办。',
  'TEAM.NOT_FOUND': '没有找到这支志愿队，可能已解散。请返回列表刷新。',
  'TEAM.MEMBER_NOT_FOUND': '没有找到这条入队申请或队员，可能已被处理。请刷新后再看。',
  'TEAM.NOT_MEMBER': '您还不是这支队伍的队员。可以在队伍页面点“申请加入”，队长同意后即可参加。',
  'EVENT.NOT_FOUND': '没有找到这个活动，可能已被删除。请返回列表刷新。',
  'EVENT.INVALID_TIME': '活动时间不对：开始时间要在以后，结束要晚于开始（最长24小时），报名截止不能晚于开始。请修改后再提交。',
  'EVENT.MEMBERS_ONLY': '这个活动只面向本队队员。请先申请入队，队长同意后再报名。',
  'EVENT.SIGNUP_CLOSED': '报名已截止或活动已开始，不能再报名或取消。',
  'EVENT.CANCELLED': '这个活动已取消。可以返回队伍页面看看其他活动。',
  'EVENT.FULL': '名额已满，这个活动不设候补。可以留意队里的其他活动。',
  'EVENT.NOT_SIGNED_UP': '没有找到有效的报名，签到前请先报名并确认已录取（不是候补）。',
  'EVENT.CODE_EXPIRED': '这个二维码已过期（每分钟更新一次），请扫描屏幕上正在显示的二维码。',
  'EVENT.CODE_INVALID': '这不是本活动的签到码，请扫描活动现场的二维码或居民的志愿码。',
  'EVENT.OUTSIDE_WINDOW': '现在不在签到时间内：活动开始前一段时间才能签到，结束后不久停止签退。',
  'EVENT.NOT_ENDED': '活动结束后才能确认工时，请在活动结束后再来确认。',
  'EVENT.UNDER_REVIEW': '活动内容正在审核，审核通过后居民才能看到并报名。',
  'HOURS.REASON_REQUIRED': '修改工时时请填写原因，以便留档备查。',
  'HOURS.TOO_MANY': '工时不能超过活动时长（含提前签到时间），请核对后重新填写。',
  'HOURS.OWN': '本人的工时需由其他队长或镇管理员确认，请联系他们。',
  'EXPORT.TOO_LARGE': '要导出的诉求太多（超过5000条），请缩短日期范围，或选择某个村（社区）、经济社后再导出。',
  'PHOTO.INVALID': '照片无法使用：只能上传本人拍摄或选择的 JPG、PNG 照片。请删掉这张照片，重新选择后再提交。',
  'PHOTO.TOO_LARGE': '照片太大了，请换一张或重新拍摄后再上传。',
  'CONCERN.OWN_HANDLING': '您参与办理了这条诉求，不能为自己的办理打分评价。',
  'CALENDAR.INVALID': '节假日安排有误：请对照国务院办公厅的通知检查日期（调休上班日应为周末，同一天不能既放假又上班），改正后再保存。',
  'CALENDAR.CONFLICT': '这一年的节假日安排刚被其他管理员修改过，请刷新后重新录入。',
  INTERNAL: '系统出了点问题，请稍后再试。如一直不行，请联系网格员。',
  'SERVICE.UNAVAILABLE': '服务暂时无法使用，请稍后再试。如一直不行，请联系镇网格管理员。',
  'STORAGE.FULL': '服务器存储空间已满，这次没有保存成功（已填写的内容还在）。请过几分钟再提交；查看已有内容不受影响。',
  'STORAGE.DAMAGED': '服务器数据出现故障，这次没有保存成功。请稍后再试，并告知镇网格管理员。',
  // 街坊议事 (yishi)
  'TOPIC.NOT_FOUND': '没有找到这个议题，可能已被删除或暂不公开。',
  'TOPIC.NOT_COMMITTEE': '只有本村（社）的村居委员会或街坊会负责人可以这样做。',
  'TOPIC.NO_PLACE': '请先在“议事”里选择您居住的村（社区）或经济社，再参与议事。',
  'TOPIC.NOT_RESIDENT': '这个议题属于其他村（社），只有本村（社）的居民可以参与。',
  'TOPIC.PLACE_LOCKED': '居住地每90天只能修改一次，请到期后再改；如有特殊情况请联系村居委员会。',
  'TOPIC.WRONG_STAGE': '议题当前的阶段不能这样做，请刷新后查看。',
  'TOPIC.CLOSED': '议题已截止，不能再投票或留言。结果公布后可在议题页查看。',
  'TOPIC.NO_VOTE': '这个议题只讨论、不投票，欢迎留言发表意见。',
  'TOPIC.OPTION_UNKNOWN': '没有这个选项，请刷新后重新选择。',
  'TOPIC.INVALID_DEADLINE': '截止时间需在现在之后、90天以内，请重新选择。',
  'TOPIC.COMMENT_NOT_FOUND': '要回复的留言不存在，请刷新后再试。',
  'TOPIC.OWN_PROPOSAL': '这是您自己的提案，请邀请街坊们来支持。',
  'TOPIC.CONFLICT': '议题刚被其他人更新，请刷新后再试。',
  // Admin (issue 19).
  'ROSTER.NOT_FOUND': '名单中没有这个人（可能已被其他管理员移除，或不在您管理的镇街）。请刷新名单后再看。',
  'ROSTER.INVALID': '人员信息有误，没有保存。请按提示修改后再保存。',
  'ROSTER.SELF': '不能移除自己，也不能修改自己的角色或所在单位。如需调整，请联系上级管理员。',
  'CATEGORY.INVALID': '类别设置有误（所选镇街或牵头职能办不存在），没有保存。请检查后再保存。',
  'TEAM.PLACE_INVALID': '志愿队须属于本镇的某个村（社区）或经济社，请重新选择。',
  'TEAM.LEADER_INVALID': '有手机号找不到对应的居民（或是工作人员账号），没有保存。请按提示修改后再保存。',
  // Volunteer actions (issue 20).
  'ACTION.NOT_FOUND': '没有找到这次志愿行动，可能已取消。',
  'ACTION.CONCERN_TAKEN': '这条诉求已交由志愿服务队处理，请勿重复发起。',
  'ACTION.PLACES_DIFFER': '一次志愿行动只能包含同一村居或经济社的诉求。',
  'ACTION.TEAM_ELSEWHERE': '请选择本村居、本经济社或本镇的志愿服务队。',
  'ACTION.CONCERN_NOT_OPEN': '请先签收诉求；已办结的诉求不能再发起志愿行动。',
  'ACTION.WRONG_STEP': '志愿行动已有新进展，请刷新后再操作。',
  'ACTION.HOURS_UNCONFIRMED': '请先确认全部志愿者的工时，再填写行动结果。',
  'ACTION.RESULT_UNDER_REVIEW': '行动结果正在审核，审核通过后才能据此办结。',
  // Points (issue 20).
  'POINTS.OFF': '本村居（经济社）暂未开展积分兑换。',
  'POINTS.SHORT': '积分不足，暂时不能兑换。',
  'REWARD.NOT_FOUND': '没有找到这项兑换物品，可能已下架。',
  'REWARD.OUT_OF_STOCK': '这项物品已兑完，请关注下次补充。',
  'REDEMPTION.NOT_FOUND': '没有找到这个兑换码，请核对后再输入。',
  'REDEMPTION.WRONG_STATE': '这个兑换码已领取或已撤销。',
  // Issue 16 (staff daily use): the resident's contact.
  'ME.NAME_UNDER_REVIEW': '这个称呼暂时无法使用，请换一个称呼再保存。',
  // Residents following up (#17).
  'CONCERN.CHASE_TOO_EARLY': '还没到签收时限，办理人员仍在规定时间内，暂时不能催办。时限过后仍未签收，可以再来催办。',
  'CONCERN.CHASE_TOO_SOON': '今天已经催办过了，办理人员已收到提醒。每个工作日可催办一次，请下一个工作日再来。',
  'CONCERN.OWN_CONCERN': '这是您自己反映的诉求，不需要再点“我也遇到了”。',
  // Admin (issue 19): Open311 clients.
  'APICLIENT.TOWN_INVALID': '接口客户端只能服务于您所管理的镇街，请重新选择镇街。',
  'APICLIENT.NOT_FOUND': '找不到这个接口客户端，或它已被吊销。请刷新列表后再试。',
  // 街坊议事, issue 21 second round.
  'TOPIC.NOT_VERIFIED': '这个议题只有经村（社）委员会认证的户籍或常住居民可以投票。请在议题页点“申请认证”，或带上身份证到村（社区）居委会办理；留言不受影响。',
  'TOPIC.RESIDENT_NOT_FOUND': '没有找到这位居民，他可能已修改居住地。请刷新名单后再试。',
  'TOPIC.MEETING_NOT_FOUND': '没有找到这次议事会记录，请刷新后再试。',
  'TOPIC.MEETINGS_FULL': '一个议题最多记录20次议事会，请修改已有的记录。',
  'TOPIC.TOWN_INVALID': '请先选择要设置的镇街。',
  'CONCERN.DESCRIPTION_TOO_SHORT': DESCRIPTION_SHORT_TEXT,
  // Admin (issue 19): the grid editor and the district's towns.
  'NODE.NOT_FOUND': '找不到这个网格节点，或它不在您管理的范围内。请刷新后再试。',
  'NODE.PARENT_INVALID': '不能在这里添加：上级节点不在您管理的范围内、已撤销，或这一级之下不能建这种节点。',
  'NODE.NAME_TAKEN': '同一上级下已有同名的节点，请换一个名称。',
  'NODE.CODE_TAKEN': '这个编码已被本镇的其他节点使用，请换一个编码。',
  'NODE.RETIRED': '这个节点已撤销，不能再修改。',
  'NODE.HAS_CHILDREN': '这个节点下还有在用的下级节点，请先撤销下级节点。',
  'NODE.HAS_STAFF': '还有人员在这个节点任职，请先在人员名单中调整或移除他们，再撤销。',
  'NODE.CONFLICT': '网格刚刚被其他人修改过，请刷新后再试。',
  'TOWN.NOT_FOUND': '找不到这个镇街，或它已撤销。请刷新列表后再试。',
  'TOWN.ADMIN_INVALID': '管理员名单有误：请检查手机号和姓名（不能重复，也不能任命自己）。',
  // Admin (issue 19): archiving a volunteer team.
  'TEAM.ARCHIVED': '这支志愿队已撤销，不再接受入队申请，也不能发布新活动。',
  // Admin (issue 19): a town's working time.
  'TOWN.SETTINGS_INVALID': '下班时间须比上班时间晚至少1小时，设置没有保存。请修改后再保存。',
  // 街坊议事 (issue 21, third round).
  'TOPIC.ACTION_NOT_HANDLER': '交志愿服务队落实，需由负责办理这条诉求的村（社）工作人员操作。决定没有公布，请去掉服务队后再公布，或请工作人员公布。',
  [NETWORK_FAILED]: '网络连接失败：您填写的内容还在。请检查网络后再点一次刚才的按钮。',
};

const FALLBACK = '操作没有成功，请稍后再试。如一直不行，请联系网格员。';

/** Why the content check refused a text (`details.label` of CONTENT.RISKY): msgSecCheck's labels, or the local word list. */
const RISKY_REASON: Record<string, string> = {
  ad: '广告或引流信息',
  politics: '不适宜讨论的时政内容',
  porn: '色情内容',
  abuse: '辱骂或人身攻击',
  crime: '违法犯罪信息',
  fraud: '欺诈信息',
  vulgar: '低俗内容',
  copyright: '可能侵权的内容',
  word_list: '本平台不允许发布的词语',
};

/** AUTH.FORBIDDEN with `details.removed`: the caller was taken off the roster (issue 19). */
export const REMOVED_TEXT = '账号已被移出名单，不能再办理诉求，已办理的记录仍保留。如有疑问，请联系镇街管理员。';

function riskyText(details: unknown): string | null {
  const label = typeof details === 'object' && details !== null ? (details as { label?: unknown }).label : undefined;
  const reason = typeof label === 'string' ? RISKY_REASON[label] : undefined;
  return reason ? `内容含有${reason}，没有提交（已填写的内容还在）。请修改相关词句后再提交。` : null;
}

/** Chinese text for an error code (or anything thrown); a refused text says why when the check gave a reason. */
export function errorText(codeOrError: unknown): string {
  const code = typeof codeOrError === 'string' ? codeOrError : codeOf(codeOrError);
  if (code === 'AUTH.FORBIDDEN' && isApiError(codeOrError) && (codeOrError.details as { removed?: unknown } | undefined)?.removed === true) return REMOVED_TEXT;
  if (code === 'CONTENT.RISKY' && isApiError(codeOrError)) {
    const why = riskyText(codeOrError.details);
    if (why) return why;
  }
  return TEXT[code] ?? FALLBACK;
}

export const ERROR_TEXT_CODES: readonly string[] = Object.keys(TEXT);
