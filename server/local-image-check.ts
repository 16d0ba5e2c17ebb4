import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ContentVerdict, ImageCheck } from '../core/ports';
import type { LocalPhotoStorage } from './local-photo-storage';

/** SHA-256 digests (hex) of images to refuse, and of images to hold for a person to review. */
export interface ImageBlocklist {
  reject: string[];
  review: string[];
}

const DIGEST = /^[0-9a-f]{64}$/;

/**
 * The local image check: the SHA-256 digest of a stored photo against a configurable blocklist (how
 * known images are recognised), answered at once. Production uses WeChat's mediaCheckAsync, whose
 * verdict arrives later by message push (wechat-openapi.ts, server/media-check-push.ts).
 */
export class LocalImageCheck implements ImageCheck {
  private readonly reject: Set<string>;
  private readonly review: Set<string>;

  constructor(
    private readonly storage: LocalPhotoStorage,
    list: ImageBlocklist = { reject: [], review: [] },
  ) {
    this.reject = new Set(list.reject.map((d) => d.toLowerCase()));
    this.review = new Set(list.review.map((d) => d.toLowerCase()));
  }

  /**
   * Reads a blocklist file: one SHA-256 digest (hex) per line; a line starting with `?` holds for review
   * instead of refusing; `#` starts a comment; blank lines are ignored. A line that is not a digest is an error.
   */
  static parse(text: string): ImageBlocklist {
    const list: ImageBlocklist = { reject: [], review: [] };
    text.split(/\r?\n/).forEach((raw, i) => {
      const line = raw.replace(/#.*$/, '').trim().toLowerCase();
      if (line === '') return;
      const review = line.startsWith('?');
      const digest = review ? line.slice(1).trim() : line;
      if (!DIGEST.test(digest)) throw new Error(`image blocklist line ${i + 1}: not a SHA-256 digest`);
      (review ? list.review : list.reject).push(digest);
    });
    return list;
  }

  static fromFile(storage: LocalPhotoStorage, file: string): LocalImageCheck {
    return new LocalImageCheck(storage, LocalImageCheck.parse(readFileSync(file, 'utf8')));
  }

  async submit(fileId: string): Promise<{ verdict: ContentVerdict['verdict'] }> {
    const bytes = this.storage.read(fileId);
    // A file that is gone cannot be shown either; holding it keeps the rule "nothing unchecked is shown".
    if (bytes === null) return { verdict: 'review' };
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (this.reject.has(digest)) return { verdict: 'reject' };
    if (this.review.has(digest)) return { verdict: 'review' };
    return { verdict: 'pass' };
  }
}
