namespace TranscriptKit.Generators.Tests.Fuzzing;

/// <summary>Small specs for the fuzzer besides the five real ones: each exercises one feature densely.</summary>
internal static class InlineSpecs
{
    private const string Head = """
        openapi: 3.1.0
        info: { title: Inline, version: "1", description: "An inline spec" }
        x-tk-client: { name: Inline, vendor: inline, display-name: Inline Vendor }
        x-tk-errors: { message: [error.message, message], code: [error.code] }
        servers:
          - url: https://api.example.com/v1
        security:
          - bearer: []

        """;

    private const string Security = """
          securitySchemes:
            bearer: { type: http, scheme: bearer, description: A token }

        """;

    public static readonly string Polling = Head + """
        paths:
          /jobs:
            post:
              operationId: createJob
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/NewJob" }
              responses:
                "201":
                  description: created
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Job" }
          /jobs/{id}:
            get:
              operationId: getJob
              x-tk-timeout: 30s
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              x-tk-poll:
                name: Job
                start: createJob
                succeeded-when: { field: status, equals: [done] }
                failed-when: { field: status, equals: [failed, error] }
                failure-message: error
                progress: percent
                interval: 2s
                max-interval: 20s
                backoff: 1.5
                timeout: 2h
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Job" }
                "404":
                  description: missing
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Error" }
        components:
        """ + "\n" + Security + """
          schemas:
            NewJob:
              type: object
              required: [url]
              properties:
                url: { type: string, description: The media URL }
                language: { $ref: "#/components/schemas/Language" }
                tags: { type: array, items: { type: string } }
            Job:
              type: object
              required: [id, status]
              properties:
                id: { type: string }
                status: { $ref: "#/components/schemas/Status" }
                percent: { type: [number, "null"] }
                error: { type: string }
                segments: { type: array, items: { $ref: "#/components/schemas/Segment" } }
                extra: { oneOf: [{ type: string }, { type: number }] }
            Segment:
              type: object
              properties:
                start: { type: number }
                end: { type: integer, format: int32 }
                words: { type: array, items: { type: array, items: { type: string } } }
                next: { $ref: "#/components/schemas/Segment" }
            Status: { type: string, enum: [queued, running, done, failed, error] }
            Language: { type: string, enum: [en, de, fr-CA] }
            Error:
              type: object
              properties:
                error: { $ref: "#/components/schemas/ErrorBody" }
            ErrorBody:
              type: object
              properties:
                code: { type: string }
                message: { type: string }
        """;

    public static readonly string Upload = Head + """
        paths:
          /uploads:
            post:
              operationId: createUpload
              x-tk-upload:
                name: File
                url: upload_url
                file-name: file_name
                size: size
                max-size: 1000000
                complete: completeUpload
                complete-fields: { upload_id: id }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/NewUpload" }
              responses:
                "201":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Upload" }
          /uploads/complete:
            post:
              operationId: completeUpload
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/Complete" }
              responses:
                "200": { description: ok }
          /forms:
            post:
              operationId: sendForm
              requestBody:
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      required: [file]
                      properties:
                        file: { type: string, format: binary }
                        note: { type: string }
              responses:
                "200":
                  description: ok
                  content:
                    text/plain: { schema: { type: string } }
        components:
        """ + "\n" + Security + """
          schemas:
            NewUpload: { type: object, properties: { file_name: { type: string }, size: { type: integer } } }
            Upload: { type: object, required: [id, upload_url], properties: { id: { type: string }, upload_url: { type: string } } }
            Complete: { type: object, required: [upload_id], properties: { upload_id: { type: string } } }
        """;

    public static readonly string Streams = Head + """
        x-tk-envelope:
          code: code
          message: msg
          data: data
          success: [200]
          errors:
            - { code: 500, message-starts-with: "Bad", reason: BadThing, kind: bad-request }
        paths:
          /stream:
            post:
              operationId: transcribe
              x-tk-sse:
                name: TranscribeStream
                events:
                  progress: Progress
                  done: Done
                end-event: done
                error-event: error
              x-tk-envelope: false
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/Request" }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Done" }
          /balance:
            get:
              operationId: getBalance
              parameters:
                - { name: unit, in: query, schema: { type: string, enum: [s, m] } }
                - { name: X-Trace, in: header, schema: { type: string } }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/BalanceEnvelope" }
        components:
        """ + "\n" + Security + """
          schemas:
            Request: { type: object, properties: { url: { type: string } } }
            Progress: { type: object, properties: { percent: { type: number } } }
            Done: { type: object, properties: { text: { type: string } } }
            Balance: { type: object, properties: { minutes: { type: integer } } }
            BalanceEnvelope:
              type: object
              properties:
                code: { type: integer }
                msg: { type: string }
                data: { $ref: "#/components/schemas/Balance" }
        """;

    public static readonly string[] All = { Polling, Upload, Streams };
}
