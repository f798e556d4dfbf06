"""The feed's SQL, hand-written for asyncpg: one statement for the reader, one for a page.

Results use only types asyncpg decodes natively (text arrays, ``jsonb`` for what is nested), so
it never reads a type's definition from the catalogue, which costs statements on a connection's
first use.

Shared with the benchmark's baseline, so both serve a page with the same statements.
"""

from __future__ import annotations

# $1 tenant, $2 subject. The employee, their membership, preferred languages and the networks
# they connected; no row when no employee of the tenant has this subject.
READER_CONTEXT = """
SELECT e.id AS employee_id, e.department, e.location, e.language, a.id AS ambassador_id, a.status AS membership,
       ARRAY(SELECT jsonb_array_elements_text(a.preferences -> 'languages')) AS languages,
       ARRAY(SELECT DISTINCT s.network::text FROM social_accounts s
             WHERE s.tenant_id = a.tenant_id AND s.ambassador_id = a.id) AS networks
FROM employees e
LEFT JOIN ambassadors a ON a.tenant_id = e.tenant_id AND a.employee_id = e.id
WHERE e.tenant_id = $1 AND e.idp_subject = $2
"""

# $1 tenant, $2 now, $3 department, $4 location, $5 language ranges reaching the reader,
# $6 limit; the next page adds $9-$12, the cursor. Empty target lists let everyone in; a
# missing department or location matches no non-empty list (NULL = ANY(...) is not true).
_LIVE_AND_TARGETED = """
  FROM contents c
  WHERE c.tenant_id = $1 AND c.status = 'approved'
    AND c.live_from <= $2 AND (c.expire_at IS NULL OR c.expire_at > $2)
    AND (cardinality(c.target_departments) = 0 OR $3::text = ANY(c.target_departments))
    AND (cardinality(c.target_locations) = 0 OR $4::text = ANY(c.target_locations))
    AND (cardinality(c.target_languages) = 0 OR c.target_languages && $5::text[])
"""
_AFTER = """
    AND (c.pinned, c.important, c.live_from, c.id) < ($9::boolean, $10::boolean, $11::timestamptz, $12::uuid)
"""
_ORDER = "ORDER BY pinned DESC, important DESC, live_from DESC, id DESC"

# The page is cut first (from the partial index, read backwards), then each of its rows gets
# its locale, its captions, its campaigns and whether the reader posted a share of it. $7 the
# languages to serve, best first; $8 the networks whose captions are kept; the reader's
# membership comes after every other parameter ($9 on the first page, $13 on the next ones).
_PAGE = """
WITH page AS (
  SELECT c.id, c.pinned, c.important, c.live_from, c.expire_at, c.format, c.objective, c.topics,
         c.link_url, c.media, c.shareable, c.language, c.locales
  {where}
  {order}
  LIMIT $6
)
SELECT p.id, p.pinned, p.important, p.live_from, p.expire_at, p.format, p.objective, p.topics,
       p.link_url, p.media, p.shareable, chosen.language,
       p.locales -> chosen.language ->> 'title' AS title,
       p.locales -> chosen.language ->> 'body' AS body,
       captions.texts AS captions,
       campaigns.list AS campaigns,
       EXISTS (SELECT 1 FROM shares s
               WHERE s.tenant_id = $1 AND s.ambassador_id = {ambassador}::uuid AND s.content_id = p.id
                 AND s.status = 'posted') AS already_shared
FROM page p
CROSS JOIN LATERAL (
  SELECT coalesce(
    (SELECT w.tag FROM unnest($7::text[]) WITH ORDINALITY AS w(tag, rank)
     WHERE p.locales ? w.tag ORDER BY w.rank LIMIT 1),
    p.language) AS language
) chosen
CROSS JOIN LATERAL (
  SELECT jsonb_object_agg(x.key, x.value) AS texts
  FROM jsonb_each(p.locales -> chosen.language -> 'captions') AS x
  WHERE x.key = ANY($8::text[])
) captions
CROSS JOIN LATERAL (
  SELECT jsonb_agg(jsonb_build_array(k.id, k.name, k.slug, k.is_challenge) ORDER BY k.starts_at, k.id) AS list
  FROM campaign_contents cc
  JOIN campaigns k ON k.tenant_id = cc.tenant_id AND k.id = cc.campaign_id
  WHERE cc.tenant_id = $1 AND cc.content_id = p.id AND k.status = 'launched'
) campaigns
{order}
"""

FIRST_PAGE = _PAGE.format(where=_LIVE_AND_TARGETED, order=_ORDER, ambassador="$9")
NEXT_PAGE = _PAGE.format(where=_LIVE_AND_TARGETED + _AFTER, order=_ORDER, ambassador="$13")
