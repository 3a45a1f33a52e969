"""A Huawei-like v1 server for one `ims share apply --api v1` whose batch job fails with a
huge answer: image h1 of proj-owner without members, `POST /v1/cloudimages/members`
answering job job-1, and `GET /v1/proj-owner/jobs/job-1` answering a FAIL job with COUNT
failed `sub_jobs_result` entries (each naming its own image, so every reason differs),
gzip-encoded. With `post`, the batch request itself is answered with that job (job_id
included), as a service may answer with the whole job. With `list`, the job names its COUNT
sub-jobs in `entities.sub_jobs_list` (as Huawei's jobs do) and reports one failed sub-job.
Writes its port to PORT_FILE once it listens.

usage: python3 benches/job_server.py PORT_FILE COUNT [post|list]
"""
import gzip, http.server, json, sys, urllib.parse

port_file, count = sys.argv[1], int(sys.argv[2])
post = sys.argv[3:] == ["post"]
sub_jobs_list = sys.argv[3:] == ["list"]
project = "proj-owner"
entry = ('{"status":"FAIL","error_code":"IMG.0098","fail_reason":"the image is encrypted",'
         '"entities":{"image_id":"img-%07d"}}')
if sub_jobs_list:
    entities = ('"sub_jobs_list":[' + ",".join('"ff8080%026x"' % i for i in range(count))
                + '],"sub_jobs_result":[' + entry % 0 + ']')
else:
    entities = '"sub_jobs_result":[' + ",".join(entry % i for i in range(count)) + "]"
body = ('{"status":"FAIL","job_id":"job-1","job_type":"ImageMembersBatchJob",'
        '"error_code":"IMG.0045","fail_reason":"part of the images failed",'
        '"entities":{' + entities + "}}").encode()
zipped = gzip.compress(body, 6)
del body
answers = {
    "/v2/cloudimages": json.dumps({"images": [{"id": "h1", "name": "h1", "owner": project,
                                               "visibility": "private"}]}).encode(),
    "/v1/%s/cloudimages/h1/members" % project: b'{"members": []}',
}


class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def answer(self, body, gzipped=False):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = urllib.parse.urlsplit(self.path).path
        if path == "/v1/%s/jobs/job-1" % project:
            return self.answer(zipped, gzipped=True)
        if path in answers:
            return self.answer(answers[path])
        self.send_error(404)

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if post:
            return self.answer(zipped, gzipped=True)
        self.answer(b'{"job_id": "job-1"}')

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), H)
with open(port_file, "w") as f:
    f.write("%d\n" % server.server_address[1])
sys.stderr.write("job_server: %d sub-jobs, %d bytes gzipped\n" % (count, len(zipped)))
server.serve_forever()
