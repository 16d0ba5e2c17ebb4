import Taro from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GridTreeNode } from '../../core/directory/grid';
import type { Category } from '../../core/model';
import type { LocateView } from '../../core/views';
import { call, codeOf, NETWORK_FAILED } from '../services/api';
import { errorText } from '../services/error-text';
import { canPickOnMap, currentPosition, LocationError, pickOnMap, type Position } from '../services/location';
import { newRequestId } from '../services/request-id';
import { requestSubscribe } from '../services/subscribe';
import { useResource } from './use-resource';
import { photosNotReady, usePhotoUpload } from './use-photo-upload';
import { useReportDraft } from './use-report-draft';
import { useReportMap } from './use-report-map';
import { usePlacePicker } from './use-place-picker';

import { DESCRIPTION_MAX, DESCRIPTION_MIN, DESCRIPTION_SHORT_TEXT } from '../services/description-limits';

export { DESCRIPTION_MAX, DESCRIPTION_MIN };
export const OFFLINE_TEXT = '网络不通，没有提交成功。您填写的内容已保存在手机上，联网后会自动提交，不用再点“提交”。';

export interface VillageOption {
  id: string;
  name: string;
  townId: string;
  townName: string;
  cooperatives: { id: string; name: string }[];
}

export interface TownGroup {
  townId: string;
  townName: string;
  villages: VillageOption[];
}

/** Villages (communities) grouped by town, in tree order; cooperatives under each village. */
export function groupVillages(roots: readonly GridTreeNode[]): TownGroup[] {
  const groups: TownGroup[] = [];
  const visit = (n: GridTreeNode) => {
    if (n.kind === 'town') {
      const villages = n.children
        .filter((c) => c.kind === 'village')
        .map((v) => ({
          id: v.id,
          name: v.name,
          townId: n.id,
          townName: n.name,
          cooperatives: v.children.filter((c) => c.kind === 'cooperative').map((c) => ({ id: c.id, name: c.name })),
        }));
      if (villages.length > 0) groups.push({ townId: n.id, townName: n.name, villages });
      return;
    }
    n.children.forEach(visit);
  };
  roots.forEach(visit);
  return groups;
}

export interface ReportErrors {
  photos?: string;
  location?: string;
  place?: string;
  category?: string;
  description?: string;
  submit?: string;
}

/** `onSubmitted`: the concern is open above the (tab) report page; the page starts a fresh form. */
export function useReport(onSubmitted?: () => void) {
  const tree = useResource(() => call('grid/tree', {}));
  const towns = useMemo(() => (tree.data ? groupVillages(tree.data.nodes) : []), [tree.data]);

  const [villageId, setVillageId] = useState<string | null>(null);
  const [cooperativeId, setCooperativeId] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<ReportErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const photos = usePhotoUpload();
  // One id per form: a retried tap after a lost answer is recognised by the backend, not doubled.
  const requestId = useRef(newRequestId());

  const village = useMemo(() => {
    for (const t of towns) for (const v of t.villages) if (v.id === villageId) return v;
    return null;
  }, [towns, villageId]);

  // The reported position and where the backend says it goes.
  const [position, setPosition] = useState<Position | null>(null);
  const [located, setLocated] = useState<LocateView | null>(null);
  /** The weapp map failed to load: the text above still says where the report goes. */
  const [mapFailed, setMapFailed] = useState(false);
  const [locating, setLocating] = useState(false);
  /** Bumped when a point comes from elsewhere than a tap on the map: the map centres on it. */
  const [centreKey, setCentreKey] = useState(0);
  const locateSeq = useRef(0);
  const inGrid = located?.result === 'grid';
  const townMap = useReportMap(located?.townId ?? null);
  // The same order the backend routes in: a located grid's town, else the picked place's, else the located
  // town; before any of them, the town on the map (so its categories can be chosen already).
  const townId = (inGrid ? located.townId : null) ?? village?.townId ?? located?.townId ?? townMap.townId ?? null;

  // Categories are per town: a choice made for another town no longer applies. (From no town yet, e.g. a
  // draft being restored, nothing was chosen for another town.)
  const lastTown = useRef(townId);
  useEffect(() => {
    if (lastTown.current !== null && lastTown.current !== townId) setCategory(null);
    lastTown.current = townId;
  }, [townId]);

  const categories = useResource<{ items: Category[] }>(
    () => (townId ? call('category/list', { townId }) : Promise.resolve({ items: [] })),
    { skip: townId === null, key: townId ?? '' },
  );

  // Open concerns of the same category nearby, shown before submitting: a "+1" instead of a duplicate.
  const similarPlace = cooperativeId ?? villageId;
  const similarKey = category && (similarPlace || position) ? `${category}|${similarPlace ?? ''}|${position ? `${position.location.lat},${position.location.lng}` : ''}` : '';
  const similar = useResource(
    () =>
      category && (similarPlace || position)
        ? call('concern/similar', { category, ...(similarPlace ? { placeId: similarPlace } : {}), ...(position ? { location: position.location, coord: position.coord } : {}) })
        : Promise.resolve({ items: [] }),
    { skip: similarKey === '', key: similarKey },
  );
  const [plusBusy, setPlusBusy] = useState<string | null>(null);
  const [plusError, setPlusError] = useState<string | null>(null);
  const plusOne = async (id: string) => {
    if (plusBusy) return;
    setPlusBusy(id);
    setPlusError(null);
    try {
      await call('concern/plusOne', { id });
      await similar.reload();
      void Taro.showToast({ title: '已+1，办理人员会看到', icon: 'success', duration: 1500 });
    } catch (e) {
      setPlusError(errorText(e));
    } finally {
      setPlusBusy(null);
    }
  };

  const showWhere = async (p: Position) => {
    const mine = ++locateSeq.current;
    setPosition(p);
    setLocated(null);
    setErrors((e) => ({ ...e, location: undefined, place: undefined, submit: undefined }));
    try {
      const v = await call('grid/locate', { location: p.location, coord: p.coord });
      if (mine === locateSeq.current) setLocated(v);
    } catch (e) {
      if (mine === locateSeq.current) {
        setPosition(null);
        setErrors((er) => ({ ...er, location: errorText(e) }));
      }
    }
  };
  const withLocating = async (get: () => Promise<Position | null>) => {
    if (locating) return;
    setLocating(true);
    try {
      const p = await get();
      if (p) {
        setCentreKey((k) => k + 1);
        await showWhere(p);
      }
    } catch (e) {
      setErrors((er) => ({ ...er, location: e instanceof LocationError ? e.message : errorText(e) }));
    } finally {
      setLocating(false);
    }
  };
  const locateCurrent = () => withLocating(currentPosition);
  const chooseOnMap = () => withLocating(pickOnMap);
  /** A tap on the town map places the point (in the map's coordinates: GCJ-02 in WeChat, WGS-84 in H5). */
  const placeAt = (lat: number, lng: number) => void showWhere({ location: { lat, lng }, coord: townMap.coord });
  const clearLocation = () => {
    locateSeq.current++;
    setPosition(null);
    setLocated(null);
    setErrors((e) => ({ ...e, location: undefined }));
  };

  const chooseVillage = (id: string | null) => {
    setVillageId(id);
    setCooperativeId(null);
    if (id === null || (!inGrid && townOf(towns, id) !== townId)) setCategory(null);
    setErrors((e) => ({ ...e, place: undefined, submit: undefined }));
  };
  const chooseCooperative = (id: string | null) => {
    setCooperativeId((cur) => (cur === id ? null : id));
  };
  /** Another town on the map: a point or place of the town before no longer applies. */
  const chooseTown = (id: string) => {
    clearLocation();
    if (village && village.townId !== id) chooseVillage(null);
    townMap.chooseTown(id);
  };
  const picker = usePlacePicker({
    roots: tree.data?.nodes ?? null,
    townId: located?.townId ?? townMap.townId,
    loading: tree.loading,
    error: tree.error,
    onRetry: () => void tree.reload(),
    label: village ? [village.name, village.cooperatives.find((c) => c.id === cooperativeId)?.name].filter(Boolean).join(' / ') : null,
    onPick: (v, c) => {
      chooseVillage(v);
      if (c) setCooperativeId(c);
    },
  });
  const chooseCategory = (code: string) => {
    setCategory(code);
    setErrors((e) => ({ ...e, category: undefined, submit: undefined }));
  };
  const changeDescription = (text: string) => {
    setDescription(text);
    if (errors.description) setErrors((e) => ({ ...e, description: undefined }));
  };

  const validate = (): ReportErrors => {
    const out: ReportErrors = {};
    if (located?.result === 'outside') out.location = '这个位置不在本平台服务的镇街范围内，请重新定位，或清除位置后选择村（社区）。';
    else if (!villageId && !(located && (located.result === 'grid' || located.result === 'town'))) out.place = '请选择您所在的村（社区）。';
    if (!category) out.category = '请选择问题类别。';
    const text = description.trim();
    if (text.length === 0) out.description = '请写下您遇到的问题，说清楚在哪里、是什么情况。';
    else if ([...text].length < DESCRIPTION_MIN) out.description = DESCRIPTION_SHORT_TEXT;
    else if ([...text].length > DESCRIPTION_MAX) out.description = `问题描述不能超过 ${DESCRIPTION_MAX} 字，请精简后再提交。`;
    const photoBad = photosNotReady(photos);
    if (photoBad) out.photos = photoBad;
    return out;
  };

  const draft = useReportDraft(
    { villageId, cooperativeId, category, description, position, photoIds: photos.fileIds, requestId: requestId.current },
    (d) => {
      requestId.current = d.requestId;
      setVillageId(d.villageId);
      setCooperativeId(d.cooperativeId);
      setCategory(d.category);
      setDescription(d.description);
      photos.restore(d.photos);
      if (d.position) {
        setCentreKey((k) => k + 1);
        void showWhere(d.position);
      }
    },
    () => void submitRef.current(),
  );

  const submit = async () => {
    if (submitting) return;
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0 || !category) return;
    const placeId = cooperativeId ?? villageId;
    setSubmitting(true);
    try {
      // Still inside the tap: WeChat shows the subscribe prompt only from a user gesture.
      await requestSubscribe();
      const detail = await call('concern/submit', {
        category,
        description: description.trim(),
        ...(placeId ? { placeId } : {}),
        ...(position ? { location: position.location, coord: position.coord } : {}),
        ...(photos.fileIds.length > 0 ? { photos: photos.fileIds } : {}),
        requestId: requestId.current,
      });
      // Held text is stored and handled as usual; the resident is told plainly that it waits for review.
      if (detail.moderation !== 'published') void Taro.showToast({ title: '已提交，描述正在审核', icon: 'none', duration: 2500 });
      draft.done();
      // navigateTo, not redirectTo: this is a tab page, which stays below the concern.
      await Taro.navigateTo({ url: `/pages/concern/index?id=${encodeURIComponent(detail.id)}&submitted=1` });
      onSubmitted?.();
    } catch (e) {
      if (codeOf(e) === NETWORK_FAILED) {
        // Kept on the phone and sent again when the network returns, with the same requestId.
        draft.markPending();
        setErrors({ submit: OFFLINE_TEXT });
      } else setErrors({ submit: errorText(e) });
    } finally {
      setSubmitting(false);
    }
  };

  const submitRef = useRef(submit);
  submitRef.current = submit;

  return {
    tree,
    towns,
    village,
    cooperativeId,
    townId,
    position,
    located,
    mapFailed,
    mapError: () => setMapFailed(true),
    locating,
    canPickOnMap,
    locateCurrent,
    chooseOnMap,
    placeAt,
    clearLocation,
    townMap,
    chooseTown,
    centreKey,
    picker,
    categories,
    category,
    description,
    errors,
    submitting,
    chooseVillage,
    chooseCooperative,
    chooseCategory,
    changeDescription,
    photos,
    similar: similarKey === '' ? [] : similar.data?.items ?? [],
    plusOne,
    plusBusy,
    plusError,
    submit,
    pending: draft.pending,
    restored: draft.restored,
  };
}

function townOf(towns: TownGroup[], villageId: string): string | null {
  for (const t of towns) if (t.villages.some((v) => v.id === villageId)) return t.townId;
  return null;
}
