"""The one attachment path of intake (issue 17): every channel's attachments go through it.

``process_attachment`` detects the real type from the bytes, reads the text of documents, mails and
archive listings so the pipeline scrubs it, cleans images, and keeps metadata only of the rest.
"""

from intake.attachments.policy import AttachmentPolicy, KeepOriginal
from intake.attachments.process import TEXT_RENDITION, Processed, process_attachment

__all__ = ["TEXT_RENDITION", "AttachmentPolicy", "KeepOriginal", "Processed", "process_attachment"]
