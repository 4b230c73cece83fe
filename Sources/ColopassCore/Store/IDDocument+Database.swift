import GRDB

extension IDDocumentType: DatabaseValueConvertible {}
