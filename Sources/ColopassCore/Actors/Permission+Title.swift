/// Each permission as the action people know it by: refusals name the action in words, never
/// the permission's identifier.
extension Permission {
    public var title: Bilingual {
        switch self {
        case .manageAccounts: Bilingual(zh: "管理账户", en: "manage accounts")
        case .manageClients: Bilingual(zh: "登记客户", en: "register clients")
        case .manageContracts: Bilingual(zh: "办理合同", en: "handle contracts")
        case .managePersonnel: Bilingual(zh: "登记人员", en: "register people")
        case .viewRegistry: Bilingual(zh: "查看登记信息", en: "view the registry")
        case .viewAudit: Bilingual(zh: "查看审计日志", en: "view the audit log")
        case .manageKeys: Bilingual(zh: "管理签发密钥", en: "manage signing keys")
        case .issueCards: Bilingual(zh: "办理出入证", en: "issue cards")
        case .reportCardLost: Bilingual(zh: "挂失出入证", en: "report a card lost")
        case .returnCards: Bilingual(zh: "登记交回出入证", en: "record a card's return")
        case .fileVisitRequest: Bilingual(zh: "提交临时进入申请", en: "file a temporary entry request")
        case .decideVisitRequest: Bilingual(zh: "审批临时进入申请", en: "decide a temporary entry request")
        case .approveEmergency: Bilingual(zh: "批准紧急进入", en: "approve an emergency entry")
        case .reviewEmergency: Bilingual(zh: "复核紧急进入", en: "review an emergency entry")
        case .confirmAtGate: Bilingual(zh: "在门口核验", en: "confirm at the gate")
        case .viewVisitorLog: Bilingual(zh: "查看来访登记", en: "view the visitor log")
        case .fileWorkOrder: Bilingual(zh: "填写托管工单", en: "file a work order")
        case .acceptEquipment: Bilingual(zh: "验收设备", en: "accept equipment")
        case .manageIPPools: Bilingual(zh: "管理 IP 与端口", en: "manage IP addresses and ports")
        case .fileRemoval: Bilingual(zh: "提交设备出门申请", en: "file a removal request")
        case .decideRemoval: Bilingual(zh: "审批设备出门", en: "decide a removal request")
        case .operateGate: Bilingual(zh: "操作门禁", en: "operate a gate")
        case .viewOccupancy: Bilingual(zh: "查看在场人员", en: "see who is inside")
        case .acknowledgeGateAlerts: Bilingual(zh: "确认门禁警报", en: "acknowledge a gate alert")
        case .fileTicket: Bilingual(zh: "受理客户工单", en: "open a service ticket")
        case .handleTicket: Bilingual(zh: "办理客户工单", en: "handle a service ticket")
        case .viewTickets: Bilingual(zh: "查看客户工单", en: "view service tickets")
        case .assignAccountManager: Bilingual(zh: "指定客户经理", en: "assign an account manager")
        case .manageDutyRoster: Bilingual(zh: "排定节假日值班", en: "set the holiday duty roster")
        case .viewServiceReports: Bilingual(zh: "查看服务监督报告", en: "view the service reports")
        case .reviewDocuments: Bilingual(zh: "审核客户提交的文件", en: "review documents a client supplied")
        case .manageNotifications: Bilingual(zh: "管理通知", en: "manage notifications")
        case .subscribeNotifications: Bilingual(zh: "订阅通知", en: "choose notifications")
        case .viewAccessLog: Bilingual(zh: "查看出入记录", en: "view the access log")
        }
    }
}
