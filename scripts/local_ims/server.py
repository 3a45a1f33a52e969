"""A local stand-in for Huawei Cloud IMS / Open Telekom Cloud IMS, for ims's end-to-end tests.

One in-memory state served over three route families, as the published API references describe
them (page titles are Huawei Cloud's English "Image Management Service API Reference"; Open
Telekom Cloud's pages carry the same titles):

  native OpenStack v2   GET / (and /versions, /v2), GET /v2/images, GET|PATCH /v2/images/{id},
                        GET|POST /v2/images/{id}/members, GET|PUT|DELETE .../members/{member}
  IMS APIs              GET /v2/cloudimages, PATCH /v2/cloudimages/{id},
                        GET /v1/{project}/cloudimages/{id}/members[/{member}],
                        POST|PUT|DELETE /v1/cloudimages/members, GET /v1/{project}/jobs/{job}
  test hooks (/_local)  create images, register tokens and AK/SK, set a member directly,
                        read the request log, reset (never part of Huawei's API)

Every rule below names the page it rests on ("page: ...") or says it is a reading where the
pages are silent ("reading: ..."). Sign-in: X-Auth-Token from a token table, or AK/SK
(SDK-HMAC-SHA256) with X-Project-Id, whose signature is recomputed with huaweicloudsdkcore's own
Signer, as Huawei's API gateway does.

usage: python server.py --port PORT [--owner-visibility private|shared] [--page-cap N]
                        [--job-seconds S] [--member-reads own|none]
"""

import argparse
import base64
import copy
import datetime
import json
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

# page: "Restrictions on Image Sharing": "Each image can be shared with a maximum of 128 tenants".
MEMBER_LIMIT = 128
# Attributes a PATCH may change. page: "Modifying an Image (Native OpenStack API V2)": "Only
# customized attributes, image name, and image description can be modified"; "Updating an Image"
# (PATCH /v2/cloudimages/{image_id}) lists the same.
BUILT_IN = {
    "id", "status", "visibility", "owner", "tags", "created_at", "updated_at", "self", "file",
    "schema", "size", "checksum", "disk_format", "container_format", "min_disk", "min_ram",
    "protected", "virtual_size", "os_hidden", "os_hash_algo", "os_hash_value", "locations",
}


def now_iso():
    """UTC now as the pages write times: 2023-08-23T04:09:12Z."""
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class HttpError(Exception):
    """An error answer: status, and the IMS error body.

    page: "Error Codes": {"error": {"message": "...", "code": "IMG.xxxx"}}.
    """

    def __init__(self, status, code, message):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message

    def body(self):
        error = {"message": self.message}
        if self.code:
            error["code"] = self.code
        return {"error": error}


class GatewayError(HttpError):
    """An API gateway refusal. reading: the shape {"error_code", "error_msg", "request_id"} is the
    gateway's (APIGW.xxxx), as real answers show it; the IMS pages do not describe it."""

    def body(self):
        return {"error_code": self.code, "error_msg": self.message,
                "request_id": uuid.uuid4().hex}


def not_found(image_id):
    # reading: the pages give no code for an unknown or invisible image; IMG.0027 is what the
    # project's Huawei tests have seen, with 404.
    return HttpError(404, "IMG.0027",
                     f"The image {image_id} does not exist or you do not have permission on it.")


class State:
    """Images, members, jobs, sign-in tables and the request log, behind one lock."""

    def __init__(self, owner_visibility, page_cap, job_seconds, member_reads="own"):
        self.lock = threading.RLock()
        self.owner_visibility = owner_visibility
        self.member_reads = member_reads
        self.page_cap = page_cap
        self.job_seconds = job_seconds
        self.reset()

    def reset(self):
        with self.lock:
            self.images = {}  # id -> stored record (owner's view, visibility private|public)
            self.members = {}  # image id -> {member id -> record}
            self.jobs = {}  # job id -> job
            self.tokens = {}  # token -> project
            self.credentials = {}  # ak -> {"sk": ..., "projects": [...]}
            self.project_visibility = {}  # project -> owner-visibility reading for its images
            self.project_job_seconds = {}  # project -> how long its jobs run
            self.project_member_reads = {}  # project -> what members of its images read (v1)
            self.log = []
            self.seq = 0

    # -- images ------------------------------------------------------------------------------

    def create_image(self, spec):
        """A test hook: an image owned by spec["owner"]; with the same owner and name as an
        existing one, that one (so a seed converges). Its `created_at` (and `updated_at`) is
        spec["created_at"] when given, else now: the stamps count seconds, and a test of
        `newest` needs builds made a known time apart. Lists show images in the order they
        were made, newest first, whatever their stamps say."""
        owner, name = spec["owner"], spec.get("name", "")
        for image in self.images.values():
            if image["owner"] == owner and image["name"] == name and name:
                return image
        self.seq += 1
        stamp = spec.get("created_at") or now_iso()
        image_id = spec.get("id") or str(uuid.uuid4())
        image = {
            "id": image_id, "name": name, "status": "active",
            "visibility": spec.get("visibility", "private"), "owner": owner,
            "tags": list(spec.get("tags", [])), "created_at": stamp, "updated_at": stamp,
            "self": f"/v2/images/{image_id}", "file": f"/v2/images/{image_id}/file",
            "schema": "/v2/schemas/image", "disk_format": "zvhd2", "container_format": "bare",
            "min_disk": 40, "min_ram": 0, "size": 0, "protected": False,
            "virtual_env_type": "FusionCompute", "__os_type": "Linux", "__platform": "Ubuntu",
            "__os_version": "Ubuntu 22.04 server 64bit", "__os_bit": "64",
            "__isregistered": "true", "__image_source_type": "uds", "__image_size": "0",
            "__data_origin": "", "__lazyloading": "true", "__support_kvm": "true",
            "_seq": self.seq,
        }
        for key, value in spec.get("attrs", {}).items():
            image[key] = value
        self.images[image_id] = image
        self.members[image_id] = {}
        return image

    def shown_visibility(self, image):
        """The `visibility` read back. reading: the pages do not say what an owner reads on a
        private image that has members; the switch (--owner-visibility, or per project by the
        test hook) answers `private` (default) or `shared`."""
        if image["visibility"] != "private" or not self.members[image["id"]]:
            return image["visibility"]
        return self.project_visibility.get(image["owner"], self.owner_visibility)

    def view(self, image, viewer):
        """`image` as `viewer` reads it. page: "Querying Images (Native OpenStack API V2)" and
        "Querying Images" (__imagetype: gold = public, private = own, shared = shared with me)."""
        shown = {k: v for k, v in image.items() if not k.startswith("_") or k.startswith("__")}
        shown["visibility"] = self.shown_visibility(image)
        if image["visibility"] == "public":
            shown["__imagetype"] = "gold"
        elif image["owner"] == viewer:
            shown["__imagetype"] = "private"
        else:
            shown["__imagetype"] = "shared"
        return shown

    def visible(self, image, viewer):
        """Whether `viewer` may read `image`: its owner, anyone for a public image, a member in
        any status (page: "Querying Image Details (Native OpenStack API V2)"; reading: the status
        does not matter, as in Glance)."""
        return (image["owner"] == viewer or image["visibility"] == "public"
                or viewer in self.members[image["id"]])

    def image_for(self, image_id, viewer):
        image = self.images.get(image_id)
        if image is None or not self.visible(image, viewer):
            raise not_found(image_id)
        return image

    def member_may_read(self, image, viewer):
        """Whether `viewer` may read the IMS API's (v1) member list or member details of
        `image`: its owner always; a member as the switch says (--member-reads, or per owner
        project by the test hook).

        reading: "Querying Image Sharing Members" and "Querying Details About an Image Sharing
        Member" do not say who may call them; they list 403 "No operation permissions" among
        the answers without saying for whom. `own` (the default): a member reads its own
        record, and lists only itself. It is the most plausible: the v1 pages answer the native
        member records (schema "/v2/schemas/member", the same fields), and the native pages
        ("Querying Image Members (Native OpenStack API)", "Querying Image Member Details
        (Native OpenStack API)") are Glance's API, where a member reads its own membership.
        `none`: a member's v1 read is refused (403), the strictest reading ims must survive.
        The native routes follow Glance whatever the switch says."""
        if image["owner"] == viewer:
            return True
        return self.project_member_reads.get(image["owner"], self.member_reads) == "own"

    def owned_image(self, image_id, viewer):
        image = self.image_for(image_id, viewer)
        if image["owner"] != viewer:
            # reading: a member changing the owner's list is refused with 403.
            raise HttpError(403, "IMG.0027", f"Project {viewer} does not own image {image_id}.")
        return image

    def select(self, query, viewer):
        """The images a list query selects, newest first.

        page: "Querying Images (Native OpenStack API V2)" and "Querying Images": filters
        visibility, owner, member_status, __imagetype, tag, name, id, status; `visibility=shared`
        (with `member_status`, default accepted) lists the images other projects share with the
        caller; `__imagetype=shared&owner=<caller>` the caller's images that have members (the
        images it shares out); `__imagetype=private` the caller's own private images;
        `__imagetype=gold` the public ones.
        reading: `visibility=private` matches the stored visibility (a private image with
        members still matches, whatever the owner-visibility switch shows); without visibility
        or __imagetype the list is the caller's own, the public and the accepted shared images,
        as Glance's default list.
        """
        imagetype = query.get("__imagetype")
        visibility = query.get("visibility")
        owner = query.get("owner")
        member_status = query.get("member_status", "accepted")
        if member_status not in ("accepted", "pending", "rejected", "all"):
            raise HttpError(400, "IMG.0001", f"Invalid member_status {member_status}.")

        def shared_with_me(image):
            record = self.members[image["id"]].get(viewer)
            return (image["owner"] != viewer and record is not None
                    and member_status in ("all", record["status"]))

        def selected(image):
            if imagetype == "shared" and owner == viewer and visibility != "shared":
                if image["owner"] != viewer or not self.members[image["id"]]:
                    return False
            elif imagetype == "shared" or visibility == "shared":
                if not shared_with_me(image):
                    return False
            elif imagetype == "private" or visibility == "private":
                if image["owner"] != viewer or image["visibility"] != "private":
                    return False
            elif imagetype == "gold" or visibility == "public":
                if image["visibility"] != "public":
                    return False
            elif imagetype or visibility:
                return False
            elif not (image["owner"] == viewer or image["visibility"] == "public"
                      or shared_with_me(image)):
                return False
            if owner and image["owner"] != owner:
                return False
            for key in ("name", "id", "status"):
                if key in query and image.get(key) != query[key]:
                    return False
            if "tag" in query and query["tag"] not in image["tags"]:
                return False
            return True

        chosen = [image for image in self.images.values() if selected(image)]
        chosen.sort(key=lambda image: image["_seq"], reverse=True)
        return chosen

    def page(self, query, viewer, default_limit, cap):
        """One page of `select`: after `marker` (an image ID), at most `limit` (capped)."""
        try:
            limit = int(query.get("limit", default_limit))
        except ValueError:
            raise HttpError(400, "IMG.0001", "limit must be an integer.") from None
        if limit < 1:
            raise HttpError(400, "IMG.0001", "limit must be positive.")
        chosen = self.select(query, viewer)
        marker = query.get("marker")
        if marker:
            ids = [image["id"] for image in chosen]
            if marker not in ids:
                # reading: Glance answers 400 for a marker it cannot find; so do we.
                raise HttpError(400, "IMG.0001", f"marker {marker} could not be found.")
            chosen = chosen[ids.index(marker) + 1:]
        size = min(limit, cap)
        return chosen[:size], size, len(chosen) > size

    # -- members -----------------------------------------------------------------------------

    def member_record(self, image_id, member, native):
        """A member as the pages show it. page: "Querying Image Member Details (Native OpenStack
        API)" (status, created_at, updated_at, image_id, member_id, schema) and "Querying Details
        About an Image Sharing Member" (adds member_type, and urn for organizations)."""
        shown = {k: v for k, v in member.items() if not k.startswith("_")}
        if native:
            shown.pop("member_type", None)
            shown.pop("urn", None)
        return shown

    def add_member(self, image, member_id, member_type="project"):
        """Adds `member_id` to `image` (status pending); the refusals the pages document.

        page: "Sharing Images" / "Adding an Image Member (Native OpenStack API)": members are
        added to private images ("share private images with other tenants").
        page: "Error Codes" + "Restrictions on Image Sharing": IMG.0089 a public image cannot be
        shared; IMG.0076 an image is not shared with its own project; IMG.0088 more than 128
        members; IMG.0098 an encrypted image cannot be shared.
        """
        if image["visibility"] == "public":
            raise HttpError(400, "IMG.0089", f"Image {image['id']} is a public image and cannot be shared.")
        if member_id == image["owner"]:
            raise HttpError(400, "IMG.0076", f"Image {image['id']} cannot be shared with its own project.")
        if image.get("__system_encrypted") == "1":
            raise HttpError(400, "IMG.0098", f"Image {image['id']} is encrypted and cannot be shared.")
        members = self.members[image["id"]]
        if member_id in members:
            # reading: as Glance, an existing member is a 409 (the pages give no code).
            raise HttpError(409, None, f"Member {member_id} already exists on image {image['id']}.")
        if len(members) >= MEMBER_LIMIT:
            raise HttpError(400, "IMG.0088", f"Image {image['id']} already has the most members ({MEMBER_LIMIT}).")
        stamp = now_iso()
        record = {"status": "pending", "created_at": stamp, "updated_at": stamp,
                  "image_id": image["id"], "member_id": member_id,
                  "schema": "/v2/schemas/member", "member_type": member_type}
        if member_type == "organization":
            record["urn"] = member_id
        members[member_id] = record
        image["updated_at"] = stamp
        return record

    def set_status(self, image, member_id, status, vault_id=None):
        """The member's own answer. page: "Updating Image Member Status (Native OpenStack API)"
        and "Updating Image Sharing Member Status": only the member sets its status
        (accepted|rejected|pending); a full-ECS image made from a CBR backup needs `vault_id` to
        be accepted (page: "Updating Image Sharing Member Status"; the code IMG.0184 is the
        contract's, from "Error Codes")."""
        if status not in ("accepted", "rejected", "pending"):
            raise HttpError(400, "IMG.0001", f"Invalid status {status}.")
        record = self.members[image["id"]].get(member_id)
        if record is None:
            raise HttpError(404, "IMG.0027", f"Project {member_id} is not a member of image {image['id']}.")
        if status == "accepted" and image.get("__whole_image") == "true" and not vault_id:
            raise HttpError(400, "IMG.0184", f"Image {image['id']} is a full-ECS image: accepting it needs a vault (vault_id).")
        record["status"] = status
        record["updated_at"] = now_iso()
        if vault_id:
            record["_vault_id"] = vault_id
        return record

    # -- jobs --------------------------------------------------------------------------------

    def start_job(self, project, job_type, work):
        """A job that runs `work(image_id)` for every image once it is due.

        page: "Querying the Status of an Asynchronous Job" (OTC: "Asynchronous Job Query"):
        status INIT, RUNNING, SUCCESS or FAIL, with entities.sub_jobs_result per image.
        reading: INIT for the first third of --job-seconds, RUNNING until they have passed, then
        done; the batch is carried out when the job is done.
        """
        job_id = "ff8080" + uuid.uuid4().hex[:26]
        self.jobs[job_id] = {"project": project, "job_type": job_type, "work": work,
                             "seconds": self.project_job_seconds.get(project, self.job_seconds),
                             "started": time.monotonic(), "begin_time": now_iso(),
                             "result": None}
        return job_id

    def job_answer(self, job_id, project):
        job = self.jobs.get(job_id)
        if job is None or job["project"] != project:
            # reading: an unknown job (or another project's) is a 404 with this code.
            raise HttpError(404, "IMG.0027", f"Job {job_id} does not exist.")
        elapsed = time.monotonic() - job["started"]
        base = {"job_id": job_id, "job_type": job["job_type"], "begin_time": job["begin_time"],
                "end_time": "", "error_code": None, "fail_reason": None, "entities": {}}
        if elapsed < job["seconds"] / 3:
            return dict(base, status="INIT")
        if elapsed < job["seconds"]:
            return dict(base, status="RUNNING", entities={"process_percent": 0.5})
        if job["result"] is None:
            job["result"] = self.finish(job_id, job, base)
        return job["result"]

    def finish(self, job_id, job, base):
        results, failed = [], []
        for image_id, run in job["work"]:
            sub = {"job_id": "ff8080" + uuid.uuid4().hex[:26], "job_type": job["job_type"].replace("Batch", ""),
                   "begin_time": job["begin_time"], "end_time": now_iso(),
                   "entities": {"image_id": image_id}}
            try:
                run()
                sub.update(status="SUCCESS", error_code=None, fail_reason=None)
            except HttpError as err:
                sub.update(status="FAIL", error_code=err.code, fail_reason=err.message)
                failed.append(sub)
            results.append(sub)
        answer = dict(base, end_time=now_iso(),
                      entities={"sub_jobs_list": [sub["job_id"] for sub in results],
                                "sub_jobs_result": results})
        if failed:
            answer.update(status="FAIL", error_code=failed[0]["error_code"],
                          fail_reason=failed[0]["fail_reason"])
        else:
            answer["status"] = "SUCCESS"
        return answer


# ------------------------------------------------------------------------------------------------
# sign-in


def verify_aksk(headers, method, path, query_pairs, body, credentials):
    """The project an AK/SK-signed request acts in, or a GatewayError.

    page: "AK/SK-based Authentication" (API Signature Guide): Authorization
    `SDK-HMAC-SHA256 Access=AK, SignedHeaders=..., Signature=...` over X-Sdk-Date and the signed
    headers; X-Project-Id names the project. The signature is recomputed with huaweicloudsdkcore's
    Signer from the request as received. reading: 15 minutes of clock skew are allowed; the
    APIGW codes are those real gateways answer.
    """
    from huaweicloudsdkcore.auth.credentials import BasicCredentials
    from huaweicloudsdkcore.sdk_request import SdkRequest
    from huaweicloudsdkcore.signer.signer import Signer

    auth = headers.get("Authorization", "")
    if not auth.startswith("SDK-HMAC-SHA256 "):
        raise GatewayError(401, "APIGW.0301", "Incorrect IAM authentication information: unsupported signing algorithm")
    parts = dict(part.split("=", 1) for part in auth[len("SDK-HMAC-SHA256 "):].split(", ") if "=" in part)
    ak, signed, signature = parts.get("Access", ""), parts.get("SignedHeaders", ""), parts.get("Signature", "")
    entry = credentials.get(ak)
    if entry is None:
        raise GatewayError(401, "APIGW.0301", "Incorrect IAM authentication information: ak not exist")
    date = headers.get("X-Sdk-Date", "")
    try:
        when = datetime.datetime.strptime(date, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc)
    except ValueError:
        raise GatewayError(401, "APIGW.0301", "Incorrect IAM authentication information: x-sdk-date is invalid") from None
    if abs((datetime.datetime.now(datetime.timezone.utc) - when).total_seconds()) > 15 * 60:
        raise GatewayError(401, "APIGW.0301", "Incorrect IAM authentication information: request expired")
    names = [name for name in signed.split(";") if name]
    if not {"host", "x-sdk-date"} <= set(names):
        raise GatewayError(401, "APIGW.0301", "Incorrect IAM authentication information: host and x-sdk-date must be signed")
    header_params = {}
    for name in names:
        value = headers.get(name)
        if value is None:
            raise GatewayError(401, "APIGW.0301", f"Incorrect IAM authentication information: signed header {name} is missing")
        header_params[name] = value
    request = SdkRequest(method=method, schema="http", host=headers.get("Host", ""),
                         resource_path=path, query_params=list(query_pairs),
                         header_params=header_params, body=body or "")
    Signer(BasicCredentials(ak, entry["sk"])).sign(request)
    expected = request.header_params["Authorization"].rsplit("Signature=", 1)[1]
    if expected != signature:
        raise GatewayError(401, "APIGW.0301", "Incorrect IAM authentication information: verify aksk signature fail")
    project = headers.get("X-Project-Id")
    if not project:
        # reading: without X-Project-Id an AK/SK request to a project-scoped service is refused.
        raise GatewayError(401, "APIGW.0301", "Incorrect IAM authentication information: X-Project-Id is missing")
    if "x-project-id" not in names:
        raise GatewayError(401, "APIGW.0301", "Incorrect IAM authentication information: x-project-id must be signed")
    if project not in entry["projects"]:
        raise GatewayError(403, "APIGW.0306", f"The AK has no access to project {project}")
    return project


# ------------------------------------------------------------------------------------------------
# HTTP


def make_handler(state):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "local-ims"

        def log_message(self, fmt, *args):  # the request log is /_local/requests
            return

        def do_GET(self):
            self.dispatch("GET")

        def do_POST(self):
            self.dispatch("POST")

        def do_PUT(self):
            self.dispatch("PUT")

        def do_PATCH(self):
            self.dispatch("PATCH")

        def do_DELETE(self):
            self.dispatch("DELETE")

        def send(self, status, body, headers=None):
            data = b"" if body is None else json.dumps(body).encode()
            self.send_response(status)
            if body is not None:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("X-Request-Id", uuid.uuid4().hex)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        def dispatch(self, method):
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            split = urlsplit(self.path)
            path = split.path
            pairs = parse_qsl(split.query, keep_blank_values=True)
            query = dict(pairs)
            try:
                with state.lock:
                    # The request log: what was sent, how it signed in (never the credential),
                    # and the project it acted as once sign-in succeeded.
                    self.entry = {
                        "method": method, "path": path, "query": split.query,
                        "project_header": self.headers.get("X-Project-Id"), "project": None,
                        "signed": self.headers.get("Authorization", "").startswith("SDK-HMAC-SHA256"),
                        "token": bool(self.headers.get("X-Auth-Token")),
                        "body": raw.decode("utf-8", "replace"),
                    }
                    if not path.startswith("/_local/"):
                        state.log.append(self.entry)
                        del state.log[:-20000]
                    status, body = self.route(method, path, query, pairs, raw)
            except HttpError as err:
                status, body = err.status, err.body()
            except Exception as err:  # an answer, not a dead connection
                print(f"local-ims: {method} {self.path}: {err!r}", file=sys.stderr)
                status, body = 500, {"error": {"code": "IMG.0000", "message": "internal error"}}
            self.send(status, body)

        def body_json(self, raw):
            try:
                return json.loads(raw or b"null")
            except ValueError:
                raise HttpError(400, "IMG.0001", "The request message format is invalid.") from None

        def caller(self, method, path, pairs, raw):
            """The project of the request. page: "Token-based Authentication" (X-Auth-Token) and
            "AK/SK-based Authentication"; reading: a token is looked up in a fixed table."""
            token = self.headers.get("X-Auth-Token")
            if token:
                project = state.tokens.get(token)
                if project is None:
                    raise GatewayError(401, "APIGW.0307", "The token must be updated.")
                return project
            if self.headers.get("Authorization"):
                return verify_aksk(self.headers, method, path, pairs, raw, state.credentials)
            raise GatewayError(401, "APIGW.0101", "The API does not exist or has not been published in the environment")

        def route(self, method, path, query, pairs, raw):
            parts = [unquote(p) for p in path.strip("/").split("/")] if path.strip("/") else []
            if parts[:1] == ["_local"]:
                return self.local(method, parts[1:], raw)
            if method == "GET" and parts in ([], ["versions"]):
                # reading: /versions answers the same document, as Glance's does.
                return 200, versions(self.headers.get("Host", ""))
            if method == "GET" and len(parts) == 1 and parts[0] in ("v2", "v2.0", "v2.1", "v2.2"):
                # page: "Querying Version Information (Native OpenStack API)": {"versions": [the
                # version asked]}, as the SDK's ShowVersionResponse reads it; v2 is v2.2.
                wanted = "v2.2" if parts[0] == "v2" else parts[0]
                listed = versions(self.headers.get("Host", ""))["versions"]
                return 200, {"versions": [v for v in listed if v["id"] == wanted]}
            viewer = self.caller(method, path, pairs, raw)
            self.entry["project"] = viewer
            if parts[:2] == ["v2", "images"]:
                return self.native(method, parts[2:], query, pairs, raw, viewer)
            if parts[:2] == ["v2", "cloudimages"]:
                return self.cloudimages(method, parts[2:], query, raw, viewer)
            if parts[:3] == ["v1", "cloudimages", "members"] and len(parts) == 3:
                return self.batch(method, raw, viewer)
            if len(parts) >= 3 and parts[0] == "v1" and parts[2] in ("cloudimages", "jobs"):
                if parts[1] != viewer:
                    # reading: a project in the path other than the caller's is refused.
                    raise HttpError(403, "IMG.0027", f"Project {parts[1]} is not the caller's project.")
                if parts[2] == "jobs" and len(parts) == 4 and method == "GET":
                    return 200, state.job_answer(parts[3], viewer)
                if parts[2] == "cloudimages" and len(parts) in (5, 6) and parts[4] == "members" and method == "GET":
                    return self.v1_members(parts[3], parts[5] if len(parts) == 6 else None, query, viewer)
            raise HttpError(404, None, f"{method} {path} is not a route of this service.")

        # -- native OpenStack v2 -------------------------------------------------------------

        def native(self, method, rest, query, pairs, raw, viewer):
            if not rest and method == "GET":
                # page: "Querying Images (Native OpenStack API V2)": {"images", "schema", "first",
                # "next"}; `next` links the following page; default limit 25, max 1000 (reading:
                # Glance's defaults, which the page does not state).
                images, size, more = state.page(query, viewer, 25, 1000)
                kept = [(k, v) for k, v in pairs if k != "marker"]
                body = {"images": [state.view(i, viewer) for i in images], "schema": "/v2/schemas/images",
                        "first": "/v2/images" + ("?" + urlencode(kept) if kept else "")}
                if more and images:
                    body["next"] = "/v2/images?" + urlencode(kept + [("marker", images[-1]["id"])])
                return 200, body
            if not rest:
                raise HttpError(405, None, f"{method} /v2/images is not served here.")
            image_id = rest[0]
            if len(rest) == 1 and method == "GET":
                return 200, state.view(state.image_for(image_id, viewer), viewer)
            if len(rest) == 1 and method == "PATCH":
                return 200, patch_image(state, image_id, viewer, self.body_json(raw))
            if len(rest) >= 2 and rest[1] == "members":
                return self.native_members(method, image_id, rest[2:], raw, viewer)
            raise HttpError(404, None, f"{method} /v2/images/{'/'.join(rest)} is not served here.")

        def native_members(self, method, image_id, rest, raw, viewer):
            image = state.image_for(image_id, viewer)
            members = state.members[image_id]
            if not rest and method == "GET":
                # page: "Querying Image Members (Native OpenStack API)": {"members", "schema"};
                # the owner reads every member, a member only itself (reading: as Glance).
                shown = [m for m in members.values() if image["owner"] == viewer or m["member_id"] == viewer]
                return 200, {"members": [state.member_record(image_id, m, True) for m in shown],
                             "schema": "/v2/schemas/members"}
            if not rest and method == "POST":
                # page: "Adding an Image Member (Native OpenStack API)": body {"member": ID}.
                body = self.body_json(raw)
                member = body.get("member") if isinstance(body, dict) else None
                if not isinstance(member, str) or not member:
                    raise HttpError(400, "IMG.0001", "The request message format is invalid.")
                image = state.owned_image(image_id, viewer)
                return 200, state.member_record(image_id, state.add_member(image, member), True)
            if len(rest) != 1:
                raise HttpError(404, None, "no such route")
            member_id = rest[0]
            record = members.get(member_id)
            if method == "GET":
                # page: "Querying Image Member Details (Native OpenStack API)".
                if record is None or (image["owner"] != viewer and member_id != viewer):
                    raise HttpError(404, "IMG.0027", f"Project {member_id} is not a member of image {image_id}.")
                return 200, state.member_record(image_id, record, True)
            if method == "PUT":
                # page: "Updating Image Member Status (Native OpenStack API)": only the member.
                if member_id != viewer:
                    raise HttpError(403, "IMG.0027", "Only the member itself can set its status.")
                body = self.body_json(raw)
                if not isinstance(body, dict):
                    raise HttpError(400, "IMG.0001", "The request message format is invalid.")
                changed = state.set_status(image, member_id, body.get("status"), body.get("vault_id"))
                return 200, state.member_record(image_id, changed, True)
            if method == "DELETE":
                # page: "Deleting an Image Member (Native OpenStack API)": by the owner; 204.
                state.owned_image(image_id, viewer)
                if record is None:
                    raise HttpError(404, "IMG.0027", f"Project {member_id} is not a member of image {image_id}.")
                del members[member_id]
                return 204, None
            raise HttpError(405, None, f"{method} is not served on members.")

        # -- IMS APIs --------------------------------------------------------------------------

        def cloudimages(self, method, rest, query, raw, viewer):
            if not rest and method == "GET":
                # page: "Querying Images" (GET /v2/cloudimages): {"images": [...]}, no `next`;
                # the next page is asked with marker = the last image ID. reading: the page size is
                # capped (--page-cap) below `limit`, unannounced, as the service does; default 500.
                images, _, _ = state.page(query, viewer, 500, state.page_cap)
                return 200, {"images": [state.view(i, viewer) for i in images]}
            if len(rest) == 1 and method == "PATCH":
                # page: "Updating Image Information": JSON patch of name, description, custom
                # attributes (the same rule as the native PATCH).
                return 200, patch_image(state, rest[0], viewer, self.body_json(raw))
            raise HttpError(404, None, f"{method} /v2/cloudimages/{'/'.join(rest)} is not served here.")

        def v1_members(self, image_id, member_id, query, viewer):
            image = state.image_for(image_id, viewer)
            members = state.members[image_id]
            if not state.member_may_read(image, viewer):
                raise HttpError(403, "IMG.0027",
                                f"Project {viewer} may not read the members of image {image_id}.")
            if member_id is not None:
                # page: "Querying Details About an Image Sharing Member".
                record = members.get(member_id)
                if record is None or (image["owner"] != viewer and member_id != viewer):
                    raise HttpError(404, "IMG.0027", f"Project {member_id} is not a member of image {image_id}.")
                return 200, state.member_record(image_id, record, False)
            # page: "Querying Image Sharing Members": limit 1-1000 (default 500), marker (Base64,
            # from page_info.next_marker); {"members", "schema", "page_info"}.
            try:
                limit = int(query.get("limit", "500"))
            except ValueError:
                limit = 0
            if not 1 <= limit <= 1000:
                raise HttpError(400, "IMG.0001", "limit must be between 1 and 1000.")
            # reading: the page does not say what a member reads here; where it may read at all
            # (see State.member_may_read), as on the native list (and Glance), the owner reads
            # every member, a member only itself.
            ordered = sorted((m for m in members.values() if image["owner"] == viewer or m["member_id"] == viewer),
                             key=lambda m: m["member_id"])
            marker = query.get("marker")
            if marker:
                try:
                    after = base64.b64decode(marker, validate=True).decode()
                except ValueError:
                    raise HttpError(400, "IMG.0001", "marker is not valid Base64.") from None
                ordered = [m for m in ordered if m["member_id"] > after]
            page = ordered[:limit]
            page_info = {"current_count": len(page)}
            if len(ordered) > limit:
                page_info["next_marker"] = base64.b64encode(page[-1]["member_id"].encode()).decode()
            return 200, {"members": [state.member_record(image_id, m, False) for m in page],
                         "schema": "/v2/schemas/members", "page_info": page_info}

        def batch(self, method, raw, viewer):
            """page: "Adding Image Sharing Members" (POST; OTC: "Adding Image Members in
            Batches"), "Deleting Image Sharing Members" (DELETE), "Updating Image Sharing Member
            Status" (PUT, with `vault_id`): each is asynchronous and answers {"job_id"}; the
            work is the job's."""
            body = self.body_json(raw)
            if not isinstance(body, dict):
                raise HttpError(400, "IMG.0001", "The request message format is invalid.")
            images = body.get("images")
            if not isinstance(images, list) or not images or not all(isinstance(i, str) for i in images):
                raise HttpError(400, "IMG.0001", "images must be a non-empty list of image IDs.")
            if method == "PUT":
                project, status = body.get("project_id"), body.get("status")
                if project != viewer:
                    # reading: a project may answer only for itself.
                    raise HttpError(400, "IMG.0001", "project_id must be the caller's project.")
                if status not in ("accepted", "rejected"):
                    raise HttpError(400, "IMG.0001", f"Invalid status {status}.")
                vault = body.get("vault_id")

                def answer(image_id):
                    return lambda: state.set_status(state.image_for(image_id, viewer), viewer, status, vault)

                work = [(i, answer(i)) for i in images]
                return 200, {"job_id": state.start_job(viewer, "BatchUpdateMembersJob", work)}
            kinds = [(k, t) for k, t in (("projects", "project"), ("domains", "domain"),
                                         ("organizations", "organization")) if body.get(k)]
            if len(kinds) != 1 or not all(isinstance(m, str) for m in body[kinds[0][0]]):
                raise HttpError(400, "IMG.0001", "Give exactly one of projects, domains, organizations.")
            key, member_type = kinds[0]
            targets = body[key]
            if method == "POST":
                if viewer in targets:
                    # page: "Error Codes": IMG.0076 (answered at once here, a reading).
                    raise HttpError(400, "IMG.0076", "An image cannot be shared with its own project.")

                def add(image_id):
                    def run():
                        image = state.owned_image(image_id, viewer)
                        for target in targets:
                            try:
                                state.add_member(image, target, member_type)
                            except HttpError as err:
                                if err.status != 409:  # reading: an existing member is kept
                                    raise
                    return run

                work = [(i, add(i)) for i in images]
                return 200, {"job_id": state.start_job(viewer, "BatchAddMembersJob", work)}
            if method == "DELETE":
                def remove(image_id):
                    def run():
                        state.owned_image(image_id, viewer)
                        for target in targets:  # reading: removing a non-member succeeds
                            state.members[image_id].pop(target, None)
                    return run

                work = [(i, remove(i)) for i in images]
                return 200, {"job_id": state.start_job(viewer, "BatchDeleteMembersJob", work)}
            raise HttpError(405, None, f"{method} /v1/cloudimages/members is not served here.")

        # -- test hooks ----------------------------------------------------------------------

        def local(self, method, parts, raw):
            body = self.body_json(raw) if raw else {}
            if parts == ["images"] and method == "POST":
                image = state.create_image(body)
                if "members" in body:  # exactly these members, in these statuses (a seed converges)
                    wanted = body["members"]
                    for gone in set(state.members[image["id"]]) - set(wanted):
                        del state.members[image["id"]][gone]
                    for member, status in wanted.items():
                        if member not in state.members[image["id"]]:
                            state.add_member(image, member)
                        state.members[image["id"]][member]["status"] = status
                return 201, state.view(image, image["owner"])
            if parts == ["tokens"] and method == "POST":
                state.tokens[body["token"]] = body["project"]
                return 204, None
            if parts == ["credentials"] and method == "POST":
                entry = state.credentials.setdefault(body["ak"], {"sk": body["sk"], "projects": []})
                entry["sk"] = body["sk"]
                entry["projects"] = sorted(set(entry["projects"]) | set(body["projects"]))
                return 204, None
            if parts == ["members"] and method == "POST":
                image = state.images[body["image"]]
                if body["member"] not in state.members[image["id"]]:
                    state.add_member(image, body["member"])
                state.members[image["id"]][body["member"]]["status"] = body.get("status", "pending")
                return 204, None
            if len(parts) == 2 and parts[0] == "members" and method == "GET":
                members = state.members.get(parts[1])
                if members is None:
                    raise not_found(parts[1])
                return 200, {"members": [state.member_record(parts[1], m, False) for m in members.values()]}
            if parts == ["projects"] and method == "POST":
                if "owner_visibility" in body:
                    state.project_visibility[body["project"]] = body["owner_visibility"]
                if "job_seconds" in body:
                    state.project_job_seconds[body["project"]] = float(body["job_seconds"])
                if "member_reads" in body:
                    if body["member_reads"] not in ("own", "none"):
                        raise HttpError(400, None, "member_reads is own or none")
                    state.project_member_reads[body["project"]] = body["member_reads"]
                return 204, None
            if parts == ["requests"] and method == "GET":
                return 200, {"requests": state.log}
            if parts == ["reset"] and method == "POST":
                state.reset()
                return 204, None
            if parts == ["config"] and method == "GET":
                return 200, {"owner_visibility": state.owner_visibility, "page_cap": state.page_cap,
                             "job_seconds": state.job_seconds, "member_reads": state.member_reads}
            raise HttpError(404, None, "no such test hook")

    return Handler


def versions(host):
    """page: "Querying API Versions (Native OpenStack API)": v2.0, v2.1, v2.2 (CURRENT); nothing
    from 2.5 on. reading: answered 200 and without sign-in, as Glance answers its root."""
    base = f"http://{host}" if host else ""
    return {"versions": [
        {"id": v, "status": s, "links": [{"href": f"{base}/v2/", "rel": "self"}]}
        for v, s in (("v2.2", "CURRENT"), ("v2.1", "SUPPORTED"), ("v2.0", "SUPPORTED"))
    ]}


def patch_image(state, image_id, viewer, ops):
    """page: "Modifying an Image (Native OpenStack API V2)" and "Updating Image Information":
    "Only customized attributes, image name, and image description can be modified"; a patch of
    `visibility` (or any other built-in attribute) is refused. reading: the refusal is 403 with
    IMG.0001 and the page's sentence; the pages give no code for it."""
    image = state.owned_image(image_id, viewer)
    if not isinstance(ops, list) or not ops:
        raise HttpError(400, "IMG.0001", "The request message format is invalid.")
    for op in ops:
        if not isinstance(op, dict) or op.get("op") not in ("add", "replace", "remove") \
                or not isinstance(op.get("path"), str) or not op["path"].startswith("/"):
            raise HttpError(400, "IMG.0001", "The request message format is invalid.")
        attr = op["path"][1:]
        # reading: Huawei's own `__` attributes (__os_type, __imagetype, ...) are built in too.
        if attr in BUILT_IN or attr.startswith("__"):
            raise HttpError(403, "IMG.0001",
                            f"Attribute {attr} cannot be modified: only customized attributes, "
                            "image name, and image description can be modified.")
    changed = copy.deepcopy(image)
    for op in ops:
        attr = op["path"][1:]
        if op["op"] == "remove":
            if attr == "name":
                raise HttpError(400, "IMG.0001", "name cannot be removed.")
            changed.pop(attr, None)
        else:
            changed[attr] = op.get("value")
    changed["updated_at"] = now_iso()
    image.clear()
    image.update(changed)
    return state.view(image, viewer)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--owner-visibility", choices=("private", "shared"), default="private")
    parser.add_argument("--page-cap", type=int, default=4)
    parser.add_argument("--job-seconds", type=float, default=0.6)
    parser.add_argument("--member-reads", choices=("own", "none"), default="own")
    args = parser.parse_args()
    state = State(args.owner_visibility, args.page_cap, args.job_seconds, args.member_reads)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(state))
    server.daemon_threads = True
    print(f"local-ims: serving on http://127.0.0.1:{args.port} (owner visibility "
          f"{args.owner_visibility}, page cap {args.page_cap}, member reads {args.member_reads})",
          file=sys.stderr, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
