"""Conformance of the local IMS with Huawei's own Python SDK (huaweicloudsdkims, pinned in
scripts/local-ims): every route the stand-in serves is called through the SDK, whose signed
requests the stand-in must verify and whose response models must read every answer (a value the
model cannot convert is an error here, not the SDK's warning).

run:  LOCAL_IMS_URL=http://127.0.0.1:9600 scripts/local-ims python -m unittest -v \
          scripts/local_ims/test_sdk.py
(scripts/test does this against the server it starts.)
"""

import json
import os
import time
import unittest
import urllib.request
import uuid
import warnings

from huaweicloudsdkcore.warning import warning as sdk_warning
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkims.v2 import ImsClient
from huaweicloudsdkims.v2 import model as m

URL = os.environ.get("LOCAL_IMS_URL", "").rstrip("/")


def hook(path, body=None, method="POST"):
    """A test hook of the stand-in (`/_local/...`): its JSON answer, or None."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"{URL}/_local/{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        raw = answer.read()
    return json.loads(raw) if raw else None


class Run:
    """This run's projects, AK/SK and clients: names no other run uses."""

    def __init__(self):
        tag = uuid.uuid4().hex[:10]
        self.owner, self.alpha, self.beta = (f"sdk-{r}-{tag}" for r in ("owner", "alpha", "beta"))
        self.ak, self.sk = f"SDKAK{tag.upper()}", f"sdk-secret-{tag}"
        hook("credentials", {"ak": self.ak, "sk": self.sk,
                             "projects": [self.owner, self.alpha, self.beta]})
        self.tag = tag

    def client(self, project, sk=None):
        credentials = BasicCredentials(self.ak, sk or self.sk, project)
        return ImsClient.new_builder().with_credentials(credentials).with_endpoints([URL]).build()

    def image(self, name, owner=None, visibility="private", tags=(), attrs=None):
        body = {"owner": owner or self.owner, "name": f"{name}-{self.tag}",
                "visibility": visibility, "tags": list(tags), "attrs": attrs or {}}
        return hook("images", body)["id"]


def wait_job(client, job_id):
    """Polls the job until it ends; the statuses seen, and the last answer."""
    seen, deadline = [], time.monotonic() + 20
    while time.monotonic() < deadline:
        job = client.show_job(m.ShowJobRequest(job_id=job_id))
        if not seen or seen[-1] != job.status:
            seen.append(job.status)
        if job.status in ("SUCCESS", "FAIL"):
            return seen, job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not end: {seen}")


class SdkConformance(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not URL:
            raise unittest.SkipTest("LOCAL_IMS_URL is not set: run scripts/test")
        cls.run_ = Run()

    def setUp(self):
        # A value the SDK's model cannot convert makes it warn and keep the raw value: here, fail.
        self._warnings = warnings.catch_warnings()
        self._warnings.__enter__()
        warnings.simplefilter("error", sdk_warning.TypeConversionWarning)
        warnings.simplefilter("ignore", DeprecationWarning)  # Huawei deprecates the native APIs

    def tearDown(self):
        self._warnings.__exit__(None, None, None)

    @property
    def r(self):
        return self.run_

    def refused(self, call, status, code):
        with self.assertRaises(ClientRequestException) as caught:
            call()
        self.assertEqual((caught.exception.status_code, caught.exception.error_code), (status, code),
                         caught.exception.error_msg)
        return caught.exception

    # -- versions --------------------------------------------------------------------------

    def test_version_document_lists_2_0_to_2_2(self):
        answer = self.r.client(self.r.owner).list_versions(m.ListVersionsRequest())
        self.assertEqual([(v.id, v.status) for v in answer.versions],
                         [("v2.2", "CURRENT"), ("v2.1", "SUPPORTED"), ("v2.0", "SUPPORTED")])
        with urllib.request.urlopen(f"{URL}/versions", timeout=10) as answer:
            self.assertEqual(json.loads(answer.read())["versions"][0]["id"], "v2.2")
        one = self.r.client(self.r.owner).show_version(m.ShowVersionRequest(version="v2"))
        self.assertEqual([(v.id, v.status) for v in one.versions], [("v2.2", "CURRENT")])

    # -- native v2 ---------------------------------------------------------------------------

    def test_native_images_list_show_and_my_shared_images(self):
        owner = self.r.client(self.r.owner)
        shared = self.r.image("native-shared", tags=["t1-" + self.r.tag])
        alone = self.r.image("native-alone", tags=["t1-" + self.r.tag])
        owner.glance_add_image_member(m.GlanceAddImageMemberRequest(
            image_id=shared, body=m.GlanceAddImageMemberRequestBody(member=self.r.alpha)))
        mine = owner.glance_list_images(m.GlanceListImagesRequest(imagetype="shared", owner=self.r.owner))
        mine = {i.id: i for i in mine.images}
        self.assertNotIn(alone, mine)
        self.assertEqual(mine[shared].visibility, hook("config", method="GET")["owner_visibility"])
        # visibility=shared means "shared with me": the owner's own images are not in it
        with_me = owner.glance_list_images(m.GlanceListImagesRequest(visibility="shared", member_status="pending"))
        self.assertEqual(with_me.images, [])
        tagged = owner.glance_list_images(m.GlanceListImagesRequest(owner=self.r.owner, tag="t1-" + self.r.tag, limit=1))
        self.assertEqual(owner.glance_list_images(m.GlanceListImagesRequest(
            owner=self.r.owner, tag="t1-" + self.r.tag, limit=1, marker=alone)).images[0].id, shared)
        self.assertEqual([i.id for i in tagged.images], [alone])
        self.assertIn("marker=" + alone, tagged.next)
        one = owner.glance_show_image(m.GlanceShowImageRequest(image_id=shared))
        self.assertEqual((one.id, one.owner, one.imagetype), (shared, self.r.owner, "private"))
        alpha = self.r.client(self.r.alpha)
        incoming = alpha.glance_list_images(m.GlanceListImagesRequest(visibility="shared", member_status="pending"))
        self.assertIn(shared, [i.id for i in incoming.images])
        seen = alpha.glance_show_image(m.GlanceShowImageRequest(image_id=shared))
        self.assertEqual(seen.imagetype, "shared")
        self.refused(lambda: self.r.client(self.r.beta).glance_show_image(
            m.GlanceShowImageRequest(image_id=shared)), 404, "IMG.0027")

    def test_native_patch_changes_name_and_refuses_visibility(self):
        owner = self.r.client(self.r.owner)
        image = self.r.image("native-patch")
        renamed = owner.glance_update_image(m.GlanceUpdateImageRequest(image_id=image, body=[
            m.GlanceUpdateImageRequestBody(op="replace", path="/name", value="renamed")]))
        self.assertEqual(renamed.name, "renamed")
        self.refused(lambda: owner.glance_update_image(m.GlanceUpdateImageRequest(image_id=image, body=[
            m.GlanceUpdateImageRequestBody(op="replace", path="/visibility", value="shared")])), 403, "IMG.0001")

    def test_native_members_add_list_show_answer_remove(self):
        owner, alpha = self.r.client(self.r.owner), self.r.client(self.r.alpha)
        image = self.r.image("native-members")
        added = owner.glance_add_image_member(m.GlanceAddImageMemberRequest(
            image_id=image, body=m.GlanceAddImageMemberRequestBody(member=self.r.alpha)))
        self.assertEqual((added.member_id, added.status, added.image_id), (self.r.alpha, "pending", image))
        listed = owner.glance_list_image_members(m.GlanceListImageMembersRequest(image_id=image))
        self.assertEqual([(x.member_id, x.status) for x in listed.members], [(self.r.alpha, "pending")])
        # only the member sets its status
        self.refused(lambda: owner.glance_update_image_member(m.GlanceUpdateImageMemberRequest(
            image_id=image, member_id=self.r.alpha,
            body=m.GlanceUpdateImageMemberRequestBody(status="accepted"))), 403, "IMG.0027")
        answered = alpha.glance_update_image_member(m.GlanceUpdateImageMemberRequest(
            image_id=image, member_id=self.r.alpha,
            body=m.GlanceUpdateImageMemberRequestBody(status="accepted")))
        self.assertEqual(answered.status, "accepted")
        shown = owner.glance_show_image_member(m.GlanceShowImageMemberRequest(image_id=image, member_id=self.r.alpha))
        self.assertEqual(shown.status, "accepted")
        owner.glance_delete_image_member(m.GlanceDeleteImageMemberRequest(image_id=image, member_id=self.r.alpha))
        self.refused(lambda: owner.glance_show_image_member(m.GlanceShowImageMemberRequest(
            image_id=image, member_id=self.r.alpha)), 404, "IMG.0027")

    def test_native_refusals_self_public_and_unknown(self):
        owner = self.r.client(self.r.owner)
        image = self.r.image("native-refusals")
        public = self.r.image("native-public", visibility="public")
        add = lambda img, member: owner.glance_add_image_member(m.GlanceAddImageMemberRequest(  # noqa: E731
            image_id=img, body=m.GlanceAddImageMemberRequestBody(member=member)))
        self.refused(lambda: add(image, self.r.owner), 400, "IMG.0076")
        self.refused(lambda: add(public, self.r.alpha), 400, "IMG.0089")
        self.refused(lambda: add(str(uuid.uuid4()), self.r.alpha), 404, "IMG.0027")

    def test_native_member_limit_is_128(self):
        owner = self.r.client(self.r.owner)
        image = self.r.image("native-limit")
        for i in range(128):
            hook("members", {"image": image, "member": f"limit-{i:03}"})
        self.refused(lambda: owner.glance_add_image_member(m.GlanceAddImageMemberRequest(
            image_id=image, body=m.GlanceAddImageMemberRequestBody(member=self.r.alpha))), 400, "IMG.0088")

    # -- IMS APIs ----------------------------------------------------------------------------

    def test_cloudimages_pages_are_capped_and_follow_the_marker(self):
        owner = self.r.client(self.r.owner)
        made = [self.r.image(f"cloud-{i}", tags=["paged-" + self.r.tag]) for i in range(6)]
        seen, marker = [], None
        for _ in range(10):
            page = owner.list_images(m.ListImagesRequest(owner=self.r.owner, tag="paged-" + self.r.tag,
                                                         limit=500, marker=marker))
            if not page.images:
                break
            self.assertLessEqual(len(page.images), int(hook("config", method="GET")["page_cap"]))
            seen += [i.id for i in page.images]
            marker = page.images[-1].id
        self.assertEqual(sorted(seen), sorted(made))
        self.assertEqual(seen, list(reversed(made)))

    def test_cloudimages_patch_and_shared_filters(self):
        owner, alpha = self.r.client(self.r.owner), self.r.client(self.r.alpha)
        image = self.r.image("cloud-filter")
        hook("members", {"image": image, "member": self.r.alpha, "status": "accepted"})
        mine = owner.list_images(m.ListImagesRequest(imagetype="shared", owner=self.r.owner))
        self.assertIn(image, [i.id for i in mine.images])
        with_me = alpha.list_images(m.ListImagesRequest(imagetype="shared", visibility="shared",
                                                        member_status="accepted"))
        self.assertIn(image, [i.id for i in with_me.images])
        changed = owner.update_image(m.UpdateImageRequest(image_id=image, body=[
            m.UpdateImageRequestBody(op="replace", path="/name", value="cloud-renamed")]))
        self.assertEqual(changed.name, "cloud-renamed")
        self.refused(lambda: owner.update_image(m.UpdateImageRequest(image_id=image, body=[
            m.UpdateImageRequestBody(op="replace", path="/visibility", value="public")])), 403, "IMG.0001")

    def test_batch_add_job_then_v1_members_paged_and_shown(self):
        owner = self.r.client(self.r.owner)
        images = [self.r.image("batch-1"), self.r.image("batch-2")]
        members = [f"batch-m{i}-{self.r.tag}" for i in range(3)]
        started = owner.batch_add_members(m.BatchAddMembersRequest(
            body=m.BatchAddMembersRequestBody(images=images, projects=members)))
        statuses, job = wait_job(owner, started.job_id)
        self.assertEqual(statuses[-1], "SUCCESS")
        self.assertTrue(set(statuses) <= {"INIT", "RUNNING", "SUCCESS"}, statuses)
        self.assertEqual(sorted(s.entities.image_id for s in job.entities.sub_jobs_result), sorted(images))
        pages, marker = [], None
        while True:
            page = owner.list_image_members(m.ListImageMembersRequest(
                image_id=images[0], limit=2, marker=marker))
            pages.append([x.member_id for x in page.members])
            marker = page.page_info.next_marker if page.page_info else None
            if not marker:
                break
        self.assertEqual(pages, [sorted(members)[:2], sorted(members)[2:]])
        shown = owner.show_image_member(m.ShowImageMemberRequest(
            image_id=images[1], member_id=members[0]))
        self.assertEqual((shown.member_id, shown.status, shown.member_type), (members[0], "pending", "project"))
        self.refused(lambda: owner.list_image_members(m.ListImageMembersRequest(
            image_id=images[0], limit=1001)), 400, "IMG.0001")

    def test_batch_accept_with_vault_and_delete(self):
        owner, alpha = self.r.client(self.r.owner), self.r.client(self.r.alpha)
        whole = self.r.image("batch-whole", attrs={"__whole_image": "true"})
        hook("members", {"image": whole, "member": self.r.alpha})
        body = m.BatchUpdateMembersRequestBody(images=[whole], project_id=self.r.alpha, status="accepted")
        _, job = wait_job(alpha, alpha.batch_update_members(m.BatchUpdateMembersRequest(body=body)).job_id)
        self.assertEqual((job.status, job.error_code), ("FAIL", "IMG.0184"))
        self.assertEqual(job.entities.sub_jobs_result[0].error_code, "IMG.0184")
        body.vault_id = "vault-1"
        _, job = wait_job(alpha, alpha.batch_update_members(m.BatchUpdateMembersRequest(body=body)).job_id)
        self.assertEqual(job.status, "SUCCESS")
        shown = alpha.show_image_member(m.ShowImageMemberRequest(
            image_id=whole, member_id=self.r.alpha))
        self.assertEqual(shown.status, "accepted")
        removed = owner.batch_delete_members(m.BatchDeleteMembersRequest(
            body=m.BatchAddMembersRequestBody(images=[whole], projects=[self.r.alpha])))
        self.assertEqual(wait_job(owner, removed.job_id)[1].status, "SUCCESS")
        listed = owner.list_image_members(m.ListImageMembersRequest(image_id=whole))
        self.assertEqual(listed.members, [])

    def test_batch_refusals_self_public_and_limit(self):
        owner = self.r.client(self.r.owner)
        image, public = self.r.image("batch-refused"), self.r.image("batch-public", visibility="public")
        self.refused(lambda: owner.batch_add_members(m.BatchAddMembersRequest(
            body=m.BatchAddMembersRequestBody(images=[image], projects=[self.r.owner]))), 400, "IMG.0076")
        started = owner.batch_add_members(m.BatchAddMembersRequest(
            body=m.BatchAddMembersRequestBody(images=[public], projects=[self.r.alpha])))
        _, job = wait_job(owner, started.job_id)
        self.assertEqual((job.status, job.error_code), ("FAIL", "IMG.0089"))
        full = self.r.image("batch-full")
        for i in range(128):
            hook("members", {"image": full, "member": f"full-{i:03}"})
        started = owner.batch_add_members(m.BatchAddMembersRequest(
            body=m.BatchAddMembersRequestBody(images=[full], projects=[self.r.alpha])))
        self.assertEqual(wait_job(owner, started.job_id)[1].error_code, "IMG.0088")

    def test_another_projects_job_is_not_found(self):
        owner, alpha = self.r.client(self.r.owner), self.r.client(self.r.alpha)
        started = owner.batch_add_members(m.BatchAddMembersRequest(body=m.BatchAddMembersRequestBody(
            images=[self.r.image("job-scope")], projects=[self.r.beta])))
        self.refused(lambda: alpha.show_job(m.ShowJobRequest(job_id=started.job_id)), 404, "IMG.0027")

    # -- sign-in -----------------------------------------------------------------------------

    def test_a_wrong_secret_key_fails_the_signature(self):
        client = self.r.client(self.r.owner, sk="not-the-secret")
        self.refused(lambda: client.list_images(m.ListImagesRequest(owner=self.r.owner)), 401, "APIGW.0301")

    def test_a_project_outside_the_keys_account_is_refused(self):
        client = self.r.client("sdk-elsewhere-" + self.r.tag)
        self.refused(lambda: client.list_images(m.ListImagesRequest()), 403, "APIGW.0306")

    def test_token_sign_in_reads_as_its_project(self):
        token = "sdk-token-" + self.r.tag
        hook("tokens", {"token": token, "project": self.r.owner})
        image = self.r.image("token-read")
        request = urllib.request.Request(f"{URL}/v2/images/{image}", headers={"X-Auth-Token": token})
        with urllib.request.urlopen(request, timeout=10) as answer:
            self.assertEqual(json.loads(answer.read())["owner"], self.r.owner)
        bad = urllib.request.Request(f"{URL}/v2/images/{image}", headers={"X-Auth-Token": "nope"})
        with self.assertRaises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(bad, timeout=10)
        self.assertEqual(caught.exception.code, 401)


if __name__ == "__main__":
    unittest.main()
